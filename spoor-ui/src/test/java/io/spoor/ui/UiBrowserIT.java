package io.spoor.ui;

import static io.spoor.ui.UiFixtures.BIG;
import static io.spoor.ui.UiFixtures.CHECKOUT;
import static io.spoor.ui.UiFixtures.CHECKOUT_B;
import static io.spoor.ui.UiFixtures.PAYMENT_ERROR;
import static io.spoor.ui.UiFixtures.UPLOADED;
import static io.spoor.ui.UiFixtures.XSS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spoor.codec.uijson.UiTraceWriter;
import io.spoor.model.SpanId;
import io.spoor.model.TraceId;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The UI in headless Chromium against one real query server (memory storage, Jaeger API, UI under
 * the base path {@code /spoor}) loaded with generated traces. One server and one browser serve all
 * nested tests; every test opens its page by URL, so they do not depend on each other's order.
 */
class UiBrowserIT {
  static final String BASE = "/spoor";
  static UiFixtures fixtures;
  static UiServer server;
  static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    fixtures = new UiFixtures(System.currentTimeMillis() * 1_000_000L);
    server = new UiServer(BASE, fixtures);
    browser = new Browser();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
  }

  static String hex(TraceId id) {
    return id.toHex();
  }

  static String spanHex(long id) {
    return SpanId.of(id).toHex();
  }

  static void open(String path) {
    browser.open(server.url() + path);
  }

  static List<String> attributes(By by, String name) {
    return browser.all(by).stream().map(e -> e.getAttribute(name)).collect(Collectors.toList());
  }

  static WebElement awaitTimeline(int rows) {
    return browser.await(d -> {
      List<WebElement> t = d.findElements(By.id("timeline"));
      return !t.isEmpty() && String.valueOf(rows).equals(t.get(0).getAttribute("data-row-count")) ? t.get(0) : null;
    });
  }

  static WebElement row(long spanId) {
    return browser.awaitElement(By.cssSelector(".tl-row[data-span-id='" + spanHex(spanId) + "']"));
  }

  static void assertNoScriptRan() {
    assertThat(browser.js("return window.__xss === undefined")).isEqualTo(true);
    assertThat(browser.all(By.cssSelector("#app img, #app svg[onload], #app script"))).isEmpty();
  }

  @Nested
  class SearchPage {
    @Test
    void findsTracesByServiceFromThePickers() {
      open("/search");
      Select service = new Select(browser.awaitElement(By.id("search-service")));
      browser.await(d -> service.getOptions().stream().anyMatch(o -> o.getText().equals("orders")));
      assertThat(service.getOptions().stream().map(WebElement::getText).collect(Collectors.toList()))
          .contains("frontend", "api-gateway", "auth", "orders", "postgres", "redis", "payments", UiFixtures.XSS_SERVICE);
      service.selectByVisibleText("orders");
      Select operation = new Select(browser.driver.findElement(By.id("search-operation")));
      browser.await(d -> operation.getOptions().size() == 3);
      assertThat(operation.getOptions().stream().map(WebElement::getText).collect(Collectors.toList()))
          .containsExactly("all", "create-order", "publish-event");
      browser.driver.findElement(By.id("search-submit")).click();
      browser.awaitElement(By.cssSelector("#trace-list li"));
      assertThat(attributes(By.cssSelector("#trace-list li"), "data-trace-id"))
          .containsExactly(hex(CHECKOUT_B), hex(CHECKOUT));
      assertThat(browser.path()).startsWith(BASE + "/search?service=orders");
      WebElement first = browser.driver.findElement(By.cssSelector("#trace-list li"));
      assertThat(first.findElement(By.className("title")).getText()).startsWith("frontend: GET /checkout");
      assertThat(first.findElement(By.className("span-count")).getText()).isEqualTo("8 Spans");
      assertThat(first.findElements(By.className("service-chip")).stream().map(WebElement::getText))
          .containsExactly("api-gateway (1)", "auth (1)", "frontend (2)", "orders (2)", "postgres (2)");
      assertThat(browser.all(By.cssSelector("#scatter-plot circle"))).hasSize(2);
      browser.screenshot("search");
    }

    @Test
    void filtersByTagsAndDuration() {
      open("/search?service=frontend&tags=" + enc("error=true"));
      browser.awaitElement(By.cssSelector("#trace-list li"));
      assertThat(attributes(By.cssSelector("#trace-list li"), "data-trace-id")).containsExactly(hex(PAYMENT_ERROR));
      assertThat(browser.driver.findElement(By.cssSelector("#trace-list li .chip.error")).getText()).isEqualTo("2 Errors");
      assertThat(browser.driver.findElement(By.id("search-tags")).getAttribute("value")).isEqualTo("error=true");

      open("/search?service=frontend&minDuration=150ms");
      browser.awaitElement(By.cssSelector("#trace-list li"));
      assertThat(attributes(By.cssSelector("#trace-list li"), "data-trace-id"))
          .containsExactlyInAnyOrder(hex(PAYMENT_ERROR), hex(CHECKOUT_B));

      open("/search?service=frontend&operation=" + enc("GET /checkout") + "&maxDuration=130ms");
      browser.awaitElement(By.cssSelector("#trace-list li"));
      assertThat(attributes(By.cssSelector("#trace-list li"), "data-trace-id")).containsExactly(hex(CHECKOUT));
    }

    @Test
    void sortsResults() {
      open("/search?service=frontend&sort=longest");
      browser.awaitElement(By.cssSelector("#trace-list li"));
      assertThat(attributes(By.cssSelector("#trace-list li"), "data-trace-id"))
          .containsExactly(hex(PAYMENT_ERROR), hex(CHECKOUT_B), hex(CHECKOUT), hex(XSS));
      new Select(browser.driver.findElement(By.id("search-sort"))).selectByValue("shortest");
      assertThat(attributes(By.cssSelector("#trace-list li"), "data-trace-id"))
          .containsExactly(hex(XSS), hex(CHECKOUT), hex(CHECKOUT_B), hex(PAYMENT_ERROR));
      assertThat(browser.path()).contains("sort=shortest");
      new Select(browser.driver.findElement(By.id("search-sort"))).selectByValue("recent");
      assertThat(attributes(By.cssSelector("#trace-list li"), "data-trace-id"))
          .containsExactly(hex(XSS), hex(PAYMENT_ERROR), hex(CHECKOUT_B), hex(CHECKOUT));
      new Select(browser.driver.findElement(By.id("search-sort"))).selectByValue("spans");
      assertThat(attributes(By.cssSelector("#trace-list li"), "data-trace-id").get(0)).isIn(hex(CHECKOUT), hex(CHECKOUT_B));
    }

    @Test
    void scatterPointOpensTheTrace() {
      open("/search?service=payments");
      browser.awaitElement(By.cssSelector("#scatter-plot circle")).click();
      browser.awaitElement(By.id("trace-header"));
      assertThat(browser.path()).isEqualTo(BASE + "/trace/" + hex(PAYMENT_ERROR));
    }

    @Test
    void bigTraceIsSummarised() {
      open("/search?service=big-0&limit=5");
      WebElement item = browser.awaitElement(By.cssSelector("#trace-list li[data-trace-id='" + hex(BIG) + "']"));
      assertThat(item.findElement(By.className("span-count")).getText()).isEqualTo("10000 Spans");
      assertThat(item.findElement(By.className("duration")).getText()).isEqualTo("10s");
    }
  }

  @Nested
  class TracePage {
    @Test
    void timelineShowsEveryRowAndTheHeader() {
      open("/trace/" + hex(CHECKOUT));
      awaitTimeline(UiFixtures.CHECKOUT_SPANS);
      assertThat(browser.all(By.cssSelector(".tl-row"))).hasSize(UiFixtures.CHECKOUT_SPANS);
      assertThat(attributes(By.cssSelector(".tl-row"), "data-depth"))
          .containsExactly("0", "1", "2", "2", "3", "3", "3", "1");
      assertThat(field("duration")).isEqualTo("120ms");
      assertThat(field("services")).isEqualTo("6");
      assertThat(field("depth")).isEqualTo("4");
      assertThat(field("spans")).isEqualTo("8");
      assertThat(browser.driver.findElement(By.cssSelector("#trace-header .trace-name")).getText())
          .isEqualTo("frontend: GET /checkout");
      // the redis call runs while the insert does, so it is the one span off the critical path
      for (long id = 1; id <= 8; id++) {
        String cls = row(id).findElement(By.className("tl-bar")).getAttribute("class");
        if (id == 6) {
          assertThat(cls).as("span 6").doesNotContain("cp");
        } else {
          assertThat(cls).as("span " + id).contains("cp");
        }
      }
      browser.screenshot("trace-timeline");
    }

    @Test
    void clickingASpanShowsTagsProcessAndLogs() {
      open("/trace/" + hex(CHECKOUT));
      row(4).click();
      WebElement detail = browser.awaitElement(By.id("span-detail"));
      assertThat(detail.getAttribute("data-span-id")).isEqualTo(spanHex(4));
      assertThat(tableRows(detail, ".span-tags")).containsExactly("order.id 42");
      assertThat(tableRows(detail, ".process-tags")).containsExactly("jaeger.version Java-1.8.1");
      assertThat(browser.path()).contains("span=" + spanHex(4));

      row(7).click();
      browser.await(d -> d.findElement(By.id("span-detail")).getAttribute("data-span-id").equals(spanHex(7)));
      WebElement logs = browser.driver.findElement(By.cssSelector("#span-detail .logs"));
      assertThat(logs.findElements(By.className("ts")).stream().map(WebElement::getText))
          .containsExactly("+80ms", "+90ms");
      assertThat(tableRows(logs, ".log-fields")).containsExactly("event sent", "topic orders", "event acked");
      WebElement ref = browser.driver.findElement(By.cssSelector("#span-detail .ref-link"));
      assertThat(ref.getText()).isEqualTo("orders: create-order");
      ref.click();
      browser.await(d -> d.findElement(By.id("span-detail")).getAttribute("data-span-id").equals(spanHex(4)));
      browser.screenshot("trace-span-detail");
    }

    @Test
    void collapsesAndExpandsSubtrees() {
      open("/trace/" + hex(CHECKOUT));
      awaitTimeline(8);
      row(4).findElement(By.className("toggle")).click();
      awaitTimeline(5);
      assertThat(attributes(By.cssSelector(".tl-row"), "data-span-id"))
          .containsExactly(spanHex(1), spanHex(2), spanHex(3), spanHex(4), spanHex(8));
      assertThat(browser.path()).contains("collapsed=" + spanHex(4));
      row(2).findElement(By.className("toggle")).click();
      awaitTimeline(3);
      row(2).findElement(By.className("toggle")).click();
      awaitTimeline(5);
      browser.driver.findElement(By.id("expand-all")).click();
      awaitTimeline(8);
      browser.driver.findElement(By.id("collapse-all")).click();
      awaitTimeline(3);
    }

    @Test
    void findHighlightsMatchingSpans() {
      open("/trace/" + hex(CHECKOUT));
      awaitTimeline(8);
      browser.driver.findElement(By.id("find-input")).sendKeys("orders");
      browser.await(d -> d.findElement(By.id("find-count")).getText().equals("4 matches"));
      assertThat(attributes(By.cssSelector(".tl-row.match"), "data-span-id"))
          .containsExactly(spanHex(2), spanHex(4), spanHex(5), spanHex(7));
      assertThat(browser.path()).contains("find=orders");
    }

    @Test
    void errorSpansAreMarked() {
      open("/trace/" + hex(PAYMENT_ERROR));
      awaitTimeline(3);
      assertThat(attributes(By.cssSelector(".tl-row.has-error"), "data-span-id")).containsExactly(spanHex(1), spanHex(2));
      assertThat(browser.all(By.cssSelector(".tl-row .err"))).hasSize(2);
      assertThat(field("errors")).isEqualTo("2");
    }

    @Test
    void aTenThousandSpanTraceOpensVirtualisedAndScrolls() {
      long started = System.nanoTime();
      open("/trace/" + hex(BIG));
      awaitTimeline(UiFixtures.BIG_SPANS);
      long openedMs = (System.nanoTime() - started) / 1_000_000;
      assertThat(openedMs).as("time to open the 10,000-span trace (ms)").isLessThan(10_000);
      assertThat(browser.all(By.cssSelector(".tl-row")).size()).isBetween(20, 120);
      browser.screenshot("trace-big");
      browser.js("const s = document.getElementById('timeline-scroll'); s.scrollTop = s.scrollHeight;");
      browser.await(d -> !d.findElements(By.cssSelector(".tl-row[data-index='9999']")).isEmpty());
      assertThat(browser.all(By.cssSelector(".tl-row")).size()).isBetween(20, 120);
      browser.js("const s = document.getElementById('timeline-scroll'); s.scrollTop = 0;");
      row(1).findElement(By.className("toggle")).click();
      awaitTimeline(1);
      row(1).findElement(By.className("toggle")).click();
      awaitTimeline(UiFixtures.BIG_SPANS);
    }

    @Test
    void minimapSelectionZoomsTheTimeline() {
      open("/trace/" + hex(CHECKOUT) + "?range=0.5,1.0000");
      awaitTimeline(8);
      assertThat(browser.driver.findElement(By.id("minimap-reset")).isDisplayed()).isTrue();
      assertThat(browser.driver.findElement(By.cssSelector(".tl-ticks span")).getText()).isEqualTo("60ms");
      browser.driver.findElement(By.id("minimap-reset")).click();
      browser.await(d -> d.findElement(By.cssSelector(".tl-ticks span")).getText().equals("0µs"));
      assertThat(browser.path()).doesNotContain("range=");
    }

    String field(String name) {
      return browser.driver.findElement(By.cssSelector("#trace-header [data-field='" + name + "'] dd")).getText();
    }

    List<String> tableRows(WebElement scope, String tableSelector) {
      return scope.findElements(By.cssSelector(tableSelector + " tr")).stream()
          .map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).collect(Collectors.joining(" ")))
          .collect(Collectors.toList());
    }
  }

  @Nested
  class AlternativeViews {
    @Test
    void traceGraphHasOneNodePerServiceAndOperation() {
      open("/trace/" + hex(CHECKOUT));
      awaitTimeline(8);
      browser.driver.findElement(By.cssSelector("[data-view='graph']")).click();
      browser.awaitElement(By.cssSelector("#trace-graph [data-node]"));
      assertThat(browser.all(By.cssSelector("#trace-graph [data-node]"))).hasSize(8);
      assertThat(browser.all(By.cssSelector("#trace-graph [data-edge]"))).hasSize(7);
      assertThat(browser.path()).contains("view=graph");
      browser.screenshot("trace-graph");
    }

    @Test
    void statisticsTableGroupsByServiceAndOperation() {
      open("/trace/" + hex(CHECKOUT_B) + "?view=stats");
      WebElement table = browser.awaitElement(By.id("trace-stats"));
      List<WebElement> rows = table.findElements(By.cssSelector("tbody tr"));
      assertThat(rows).hasSize(8);
      WebElement first = rows.get(0);
      assertThat(first.findElement(By.cssSelector("[data-col='service']")).getText()).isEqualTo("frontend");
      assertThat(first.findElement(By.cssSelector("[data-col='operation']")).getText()).isEqualTo("GET /checkout");
      assertThat(first.findElement(By.cssSelector("[data-col='total']")).getText()).isEqualTo("160ms");
      assertThat(first.findElement(By.cssSelector("[data-col='self']")).getText()).isEqualTo("9ms");
      browser.screenshot("trace-statistics");
    }

    @Test
    void rawJsonCanBeDownloaded() throws Exception {
      open("/trace/" + hex(CHECKOUT) + "?view=json");
      WebElement pre = browser.awaitElement(By.id("trace-json"));
      JsonNode json = new ObjectMapper().readTree(pre.getText());
      assertThat(json.get("data").get(0).get("traceID").asText()).isEqualTo(hex(CHECKOUT));
      assertThat(json.get("data").get(0).get("spans")).hasSize(8);
      assertThat(browser.driver.findElement(By.id("json-download")).isDisplayed()).isTrue();
    }
  }

  @Nested
  class DeepLinks {
    @Test
    void traceViewStateSurvivesAReload() {
      open("/trace/" + hex(CHECKOUT));
      row(5).click();
      browser.driver.findElement(By.id("find-input")).sendKeys("redis");
      row(4).findElement(By.className("toggle")).click();
      awaitTimeline(5);
      String url = browser.path();
      browser.driver.navigate().refresh();
      awaitTimeline(5);
      assertThat(browser.path()).isEqualTo(url);
      assertThat(browser.awaitElement(By.id("span-detail")).getAttribute("data-span-id")).isEqualTo(spanHex(5));
      assertThat(browser.driver.findElement(By.id("find-input")).getAttribute("value")).isEqualTo("redis");
    }

    @Test
    void searchReloadsToTheSameResults() {
      open("/search?service=orders&lookback=2h&limit=10");
      browser.awaitElement(By.cssSelector("#trace-list li"));
      browser.driver.navigate().refresh();
      browser.awaitElement(By.cssSelector("#trace-list li"));
      assertThat(attributes(By.cssSelector("#trace-list li"), "data-trace-id")).containsExactly(hex(CHECKOUT_B), hex(CHECKOUT));
      assertThat(new Select(browser.driver.findElement(By.id("search-lookback"))).getFirstSelectedOption().getAttribute("value"))
          .isEqualTo("2h");
      assertThat(browser.driver.findElement(By.id("search-limit")).getAttribute("value")).isEqualTo("10");
    }

    @Test
    void backAndForwardRestoreViews() {
      open("/search?service=payments");
      browser.awaitElement(By.cssSelector("#trace-list li")).click();
      browser.awaitElement(By.id("trace-header"));
      browser.driver.navigate().back();
      browser.awaitElement(By.cssSelector("#trace-list li"));
      assertThat(browser.path()).isEqualTo(BASE + "/search?service=payments");
    }

    @Test
    void openByIdFromTheTopBar() {
      open("/dependencies");
      WebElement input = browser.awaitElement(By.id("lookup-id"));
      input.sendKeys(hex(PAYMENT_ERROR) + "\n");
      awaitTimeline(3);
      assertThat(browser.path()).isEqualTo(BASE + "/trace/" + hex(PAYMENT_ERROR));
    }

    @Test
    void unknownTraceSaysSo() {
      open("/trace/00000000000000000000000000abcdef");
      assertThat(browser.awaitElement(By.id("trace-error")).getText()).contains("trace not found");
    }
  }

  @Nested
  class Upload {
    @Test
    void uploadedFileOpensWithoutTheServer() throws Exception {
      HttpResponse<String> onServer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create(server.url() + "/api/traces/" + hex(UPLOADED))).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(onServer.statusCode()).as("the uploaded trace is not on the server").isEqualTo(404);
      Path file = Path.of("target", "upload-trace.json").toAbsolutePath();
      Files.writeString(file, "{\"data\":[" + UiTraceWriter.toJson(fixtures.uploaded()) + "]}");
      open("/search");
      browser.awaitElement(By.id("upload-input")).sendKeys(file.toString());
      awaitTimeline(2);
      assertThat(browser.path()).isEqualTo(BASE + "/trace/" + hex(UPLOADED));
      assertThat(browser.driver.findElement(By.cssSelector("#trace-header .trace-name")).getText())
          .isEqualTo("offline-svc: uploaded-root");
      row(1).click();
      assertThat(browser.awaitElement(By.cssSelector("#span-detail .span-tags")).getText()).contains("source").contains("file");
      browser.screenshot("upload");
    }

    @Test
    void aFileThatIsNotJsonIsReported() throws Exception {
      Path file = Path.of("target", "not-a-trace.json").toAbsolutePath();
      Files.writeString(file, "this is not json");
      open("/search");
      browser.awaitElement(By.id("upload-input")).sendKeys(file.toString());
      browser.await(d -> d.findElement(By.id("banner")).isDisplayed());
      assertThat(browser.driver.findElement(By.id("banner")).getText()).startsWith("not-a-trace.json: not JSON");
    }
  }

  @Nested
  class Xss {
    @Test
    void hostileNamesTagsAndLogsStayText() {
      open("/trace/" + hex(XSS));
      awaitTimeline(2);
      row(1).click();
      WebElement detail = browser.awaitElement(By.id("span-detail"));
      assertThat(browser.driver.findElement(By.cssSelector("#trace-header .trace-name")).getText())
          .isEqualTo(UiFixtures.XSS_SERVICE + ": " + UiFixtures.XSS_OPERATION);
      assertThat(detail.findElement(By.className("span-tags")).getText())
          .contains(UiFixtures.XSS_TAG_VALUE).contains(UiFixtures.XSS_TAG_KEY);
      assertThat(detail.findElement(By.className("logs")).getText()).contains(UiFixtures.XSS_LOG);
      assertThat(detail.findElement(By.className("process-tags")).getText()).contains(UiFixtures.XSS_TAG_VALUE);
      browser.driver.findElement(By.id("find-input")).sendKeys("<img");
      browser.await(d -> d.findElement(By.id("find-count")).getText().equals("2 matches"));
      for (String view : new String[] {"graph", "stats", "json", "timeline"}) {
        browser.driver.findElement(By.cssSelector("[data-view='" + view + "']")).click();
        assertNoScriptRan();
      }
      browser.screenshot("xss-trace");
    }

    @Test
    void hostileServiceInSearchAndDependencies() {
      open("/search?service=" + enc(UiFixtures.XSS_SERVICE));
      WebElement item = browser.awaitElement(By.cssSelector("#trace-list li"));
      assertThat(item.getAttribute("data-trace-id")).isEqualTo(hex(XSS));
      assertThat(item.getText()).contains(UiFixtures.XSS_SERVICE);
      assertNoScriptRan();
      open("/dependencies");
      browser.awaitElement(By.cssSelector("#deps-graph [data-node]"));
      assertThat(attributes(By.cssSelector("#deps-graph [data-node]"), "data-node")).contains(UiFixtures.XSS_SERVICE);
      assertNoScriptRan();
    }
  }

  @Nested
  class Compare {
    @Test
    void mergedGraphMarksWhatDiffers() {
      open("/compare?a=" + hex(CHECKOUT) + "&b=" + hex(CHECKOUT_B));
      browser.awaitElement(By.cssSelector("#compare-result [data-node]"));
      assertThat(browser.all(By.cssSelector("#compare-result .node.only-a"))).hasSize(1);
      assertThat(browser.all(By.cssSelector("#compare-result .node.only-b"))).hasSize(1);
      assertThat(browser.all(By.cssSelector("#compare-result .node.both"))).hasSize(7);
      assertThat(nodeText(".only-a")).contains("redis").contains("SET order:42").contains("only A");
      assertThat(nodeText(".only-b")).contains("postgres").contains("SELECT inventory").contains("only B");
      WebElement createOrder = browser.all(By.cssSelector("#compare-result .node.both")).stream()
          .filter(n -> n.getText().contains("create-order")).findFirst().orElseThrow();
      assertThat(createOrder.findElement(By.cssSelector("text.note")).getText()).isEqualTo("+40ms");
      browser.screenshot("compare");
    }

    @Test
    void formNavigatesToTheComparison() {
      open("/compare");
      browser.awaitElement(By.id("compare-a")).sendKeys(hex(CHECKOUT));
      browser.driver.findElement(By.id("compare-b")).sendKeys(hex(PAYMENT_ERROR));
      browser.driver.findElement(By.id("compare-submit")).click();
      browser.awaitElement(By.cssSelector("#compare-result [data-node]"));
      assertThat(browser.path()).isEqualTo(BASE + "/compare?a=" + hex(CHECKOUT) + "&b=" + hex(PAYMENT_ERROR));
      assertThat(browser.all(By.cssSelector("#compare-result .node.only-a"))).hasSize(8);
      assertThat(browser.all(By.cssSelector("#compare-result .node.only-b"))).hasSize(3);
    }

    String nodeText(String cls) {
      return browser.driver.findElement(By.cssSelector("#compare-result .node" + cls)).getText();
    }
  }

  @Nested
  class Dependencies {
    @Test
    void graphHasTheStoredServicesAndCalls() throws Exception {
      JsonNode api = new ObjectMapper().readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create(server.url() + "/api/dependencies?lookback=86400000")).build(),
          HttpResponse.BodyHandlers.ofString()).body());
      Set<String> expected = new TreeSet<>();
      Set<String> services = new TreeSet<>();
      for (JsonNode link : api.get("data")) {
        expected.add(link.get("parent").asText() + "->" + link.get("child").asText());
        services.add(link.get("parent").asText());
        services.add(link.get("child").asText());
      }
      assertThat(expected).contains("frontend->api-gateway", "api-gateway->auth", "api-gateway->orders",
          "orders->postgres", "orders->redis", "frontend->payments", "payments->postgres",
          "big-0->big-1", "big-3->big-0", UiFixtures.XSS_SERVICE + "->frontend");
      open("/dependencies");
      browser.awaitElement(By.cssSelector("#deps-graph [data-node]"));
      assertThat(new TreeSet<>(attributes(By.cssSelector("#deps-graph [data-edge]"), "data-edge"))).isEqualTo(expected);
      assertThat(new TreeSet<>(attributes(By.cssSelector("#deps-graph [data-node]"), "data-node"))).isEqualTo(services);
      WebElement edge = browser.driver.findElement(By.cssSelector("#deps-graph [data-edge='orders->redis']"));
      assertThat(edge.getText()).isEqualTo("1");
      browser.screenshot("dependencies");

      browser.driver.findElement(By.cssSelector("#deps-graph [data-node='orders']")).click();
      browser.await(d -> d.findElements(By.cssSelector("#deps-graph [data-edge]")).size() == 3);
      assertThat(new TreeSet<>(attributes(By.cssSelector("#deps-graph [data-edge]"), "data-edge")))
          .containsExactly("api-gateway->orders", "orders->postgres", "orders->redis");
      assertThat(browser.path()).contains("service=orders");
      browser.driver.navigate().refresh();
      browser.await(d -> d.findElements(By.cssSelector("#deps-graph [data-edge]")).size() == 3);
      browser.screenshot("dependencies-filtered");
    }
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
