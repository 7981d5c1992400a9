package io.spoor.ui;

import static io.spoor.ui.UiFixtures.BIG;
import static io.spoor.ui.UiFixtures.CHECKOUT;
import static io.spoor.ui.UiFixtures.PAYMENT_ERROR;
import static io.spoor.ui.UiSession.hex;
import static io.spoor.ui.UiSession.spanHex;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** The trace timeline: rows, header, critical path, span detail, collapse/expand, find, errors, a 10,000-span trace, minimap zoom. */
@ExtendWith(UiSession.Extension.class)
class TracePageIT {
  UiSession ui;

  @BeforeEach
  void session(UiSession ui) {
    this.ui = ui;
  }

  @Test
  void timelineShowsEveryRowAndTheHeader() {
    ui.open("/trace/" + hex(CHECKOUT));
    ui.awaitTimeline(UiFixtures.CHECKOUT_SPANS);
    assertThat(ui.browser.all(By.cssSelector(".tl-row"))).hasSize(UiFixtures.CHECKOUT_SPANS);
    assertThat(ui.attributes(By.cssSelector(".tl-row"), "data-depth"))
        .containsExactly("0", "1", "2", "2", "3", "3", "3", "1");
    assertThat(field("duration")).isEqualTo("120ms");
    assertThat(field("services")).isEqualTo("6");
    assertThat(field("depth")).isEqualTo("4");
    assertThat(field("spans")).isEqualTo("8");
    assertThat(ui.browser.driver.findElement(By.cssSelector("#trace-header .trace-name")).getText())
        .isEqualTo("frontend: GET /checkout");
    // the redis call runs while the insert does, so it is the one span off the critical path
    for (long id = 1; id <= 8; id++) {
      String cls = ui.row(id).findElement(By.className("tl-bar")).getAttribute("class");
      if (id == 6) {
        assertThat(cls).as("span 6").doesNotContain("cp");
      } else {
        assertThat(cls).as("span " + id).contains("cp");
      }
    }
    ui.browser.screenshot("trace-timeline");
  }

  @Test
  void clickingASpanShowsTagsProcessAndLogs() {
    ui.open("/trace/" + hex(CHECKOUT));
    ui.row(4).click();
    WebElement detail = ui.browser.awaitElement(By.id("span-detail"));
    assertThat(detail.getAttribute("data-span-id")).isEqualTo(spanHex(4));
    assertThat(tableRows(detail, ".span-tags")).containsExactly("order.id 42");
    assertThat(tableRows(detail, ".process-tags")).containsExactly("jaeger.version Java-1.8.1");
    assertThat(ui.browser.path()).contains("span=" + spanHex(4));

    ui.row(7).click();
    ui.browser.await(d -> d.findElement(By.id("span-detail")).getAttribute("data-span-id").equals(spanHex(7)));
    WebElement logs = ui.browser.driver.findElement(By.cssSelector("#span-detail .logs"));
    assertThat(logs.findElements(By.className("ts")).stream().map(WebElement::getText))
        .containsExactly("+80ms", "+90ms");
    assertThat(tableRows(logs, ".log-fields")).containsExactly("event sent", "topic orders", "event acked");
    WebElement ref = ui.browser.driver.findElement(By.cssSelector("#span-detail .ref-link"));
    assertThat(ref.getText()).isEqualTo("orders: create-order");
    ref.click();
    ui.browser.await(d -> d.findElement(By.id("span-detail")).getAttribute("data-span-id").equals(spanHex(4)));
    ui.browser.screenshot("trace-span-detail");
  }

  @Test
  void collapsesAndExpandsSubtrees() {
    ui.open("/trace/" + hex(CHECKOUT));
    ui.awaitTimeline(8);
    ui.row(4).findElement(By.className("toggle")).click();
    ui.awaitTimeline(5);
    assertThat(ui.attributes(By.cssSelector(".tl-row"), "data-span-id"))
        .containsExactly(spanHex(1), spanHex(2), spanHex(3), spanHex(4), spanHex(8));
    assertThat(ui.browser.path()).contains("collapsed=" + spanHex(4));
    ui.row(2).findElement(By.className("toggle")).click();
    ui.awaitTimeline(3);
    ui.row(2).findElement(By.className("toggle")).click();
    ui.awaitTimeline(5);
    ui.browser.driver.findElement(By.id("expand-all")).click();
    ui.awaitTimeline(8);
    ui.browser.driver.findElement(By.id("collapse-all")).click();
    ui.awaitTimeline(3);
  }

  @Test
  void findHighlightsMatchingSpans() {
    ui.open("/trace/" + hex(CHECKOUT));
    ui.awaitTimeline(8);
    ui.browser.driver.findElement(By.id("find-input")).sendKeys("orders");
    ui.browser.await(d -> d.findElement(By.id("find-count")).getText().equals("4 matches"));
    assertThat(ui.attributes(By.cssSelector(".tl-row.match"), "data-span-id"))
        .containsExactly(spanHex(2), spanHex(4), spanHex(5), spanHex(7));
    assertThat(ui.browser.path()).contains("find=orders");
  }

  @Test
  void errorSpansAreMarked() {
    ui.open("/trace/" + hex(PAYMENT_ERROR));
    ui.awaitTimeline(3);
    assertThat(ui.attributes(By.cssSelector(".tl-row.has-error"), "data-span-id")).containsExactly(spanHex(1), spanHex(2));
    assertThat(ui.browser.all(By.cssSelector(".tl-row .err"))).hasSize(2);
    assertThat(field("errors")).isEqualTo("2");
    ui.browser.screenshot("trace-error");
    ui.row(3).click();
    assertThat(ui.browser.awaitElement(By.cssSelector("#span-detail .span-warnings")).getText())
        .contains("tag value truncated: db.statement");
  }

  @Test
  void aTenThousandSpanTraceOpensVirtualisedAndScrolls() {
    long started = System.nanoTime();
    ui.open("/trace/" + hex(BIG));
    ui.awaitTimeline(UiFixtures.BIG_SPANS);
    long openedMs = (System.nanoTime() - started) / 1_000_000;
    assertThat(openedMs).as("time to open the 10,000-span trace (ms)").isLessThan(10_000);
    assertThat(ui.browser.all(By.cssSelector(".tl-row")).size()).isBetween(20, 120);
    ui.browser.screenshot("trace-big");
    ui.browser.js("const s = document.getElementById('timeline-scroll'); s.scrollTop = s.scrollHeight;");
    ui.browser.await(d -> !d.findElements(By.cssSelector(".tl-row[data-index='9999']")).isEmpty());
    assertThat(ui.browser.all(By.cssSelector(".tl-row")).size()).isBetween(20, 120);
    ui.browser.js("const s = document.getElementById('timeline-scroll'); s.scrollTop = 0;");
    ui.row(1).findElement(By.className("toggle")).click();
    ui.awaitTimeline(1);
    ui.row(1).findElement(By.className("toggle")).click();
    ui.awaitTimeline(UiFixtures.BIG_SPANS);
  }

  @Test
  void minimapSelectionZoomsTheTimeline() {
    ui.open("/trace/" + hex(CHECKOUT) + "?range=0.5,1.0000");
    ui.awaitTimeline(8);
    assertThat(ui.browser.driver.findElement(By.id("minimap-reset")).isDisplayed()).isTrue();
    assertThat(ui.browser.driver.findElement(By.cssSelector(".tl-ticks span")).getText()).isEqualTo("60ms");
    ui.browser.driver.findElement(By.id("minimap-reset")).click();
    ui.browser.await(d -> d.findElement(By.cssSelector(".tl-ticks span")).getText().equals("0µs"));
    assertThat(ui.browser.path()).doesNotContain("range=");
  }

  @Test
  void findCountsAcrossTheBigTraceAndEnterJumpsToMatches() {
    ui.open("/trace/" + hex(BIG) + "?collapsed=" + spanHex(1));
    ui.awaitTimeline(1);
    WebElement find = ui.browser.driver.findElement(By.id("find-input"));
    find.sendKeys("op-49");
    ui.browser.await(d -> d.findElement(By.id("find-count")).getText().equals("200 matches"));
    find.sendKeys(Keys.ENTER);
    WebElement detail = ui.browser.awaitElement(By.id("span-detail"));
    assertThat(detail.findElement(By.className("op")).getText()).isEqualTo("op-49");
    String first = detail.getAttribute("data-span-id");
    assertThat(ui.browser.path()).doesNotContain("collapsed=" + spanHex(1));
    WebElement row = ui.browser.awaitElement(By.cssSelector(".tl-row.selected"));
    assertThat(row.getAttribute("data-span-id")).isEqualTo(first);
    assertThat(row.getAttribute("class")).contains("match");
    find.sendKeys(Keys.ENTER);
    ui.browser.await(d -> !d.findElement(By.id("span-detail")).getAttribute("data-span-id").equals(first));
    assertThat(ui.browser.driver.findElement(By.cssSelector("#span-detail .op")).getText()).isEqualTo("op-49");
    find.sendKeys(Keys.chord(Keys.SHIFT, Keys.ENTER));
    ui.browser.await(d -> d.findElement(By.id("span-detail")).getAttribute("data-span-id").equals(first));
  }

  @Test
  void draggingOnTheMinimapZooms() {
    ui.open("/trace/" + hex(CHECKOUT));
    ui.awaitTimeline(8);
    WebElement minimap = ui.browser.driver.findElement(By.id("minimap"));
    int width = minimap.getSize().getWidth();
    new Actions(ui.browser.driver).moveToElement(minimap, 0, 0).clickAndHold()
        .moveByOffset(width / 2 - 3, 0).release().perform();
    ui.browser.await(d -> d.findElement(By.id("minimap-reset")).isDisplayed());
    assertThat(ui.browser.path()).containsPattern("range=0\\.(49|50)\\d*%2C0\\.99");
    assertThat(ui.browser.driver.findElement(By.cssSelector(".tl-ticks span")).getText()).matches("(59|60)(\\.\\d+)?ms");
  }

  String field(String name) {
    return ui.browser.driver.findElement(By.cssSelector("#trace-header [data-field='" + name + "'] dd")).getText();
  }

  List<String> tableRows(WebElement scope, String tableSelector) {
    return scope.findElements(By.cssSelector(tableSelector + " tr")).stream()
        .map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).collect(Collectors.joining(" ")))
        .collect(Collectors.toList());
  }
}
