package io.spoor.ui;

import static io.spoor.ui.UiFixtures.BIG;
import static io.spoor.ui.UiFixtures.CHECKOUT;
import static io.spoor.ui.UiFixtures.CHECKOUT_B;
import static io.spoor.ui.UiFixtures.PAYMENT_ERROR;
import static io.spoor.ui.UiFixtures.XSS;
import static io.spoor.ui.UiSession.enc;
import static io.spoor.ui.UiSession.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The search page: pickers from the API, tags, durations, sorting, scatter plot, summaries. */
@ExtendWith(UiSession.Extension.class)
class SearchPageIT {
  UiSession ui;

  @BeforeEach
  void session(UiSession ui) {
    this.ui = ui;
  }

  @Test
  void findsTracesByServiceFromThePickers() {
    ui.open("/search");
    Select service = new Select(ui.browser.awaitElement(By.id("search-service")));
    ui.browser.await(d -> service.getOptions().stream().anyMatch(o -> o.getText().equals("orders")));
    assertThat(service.getOptions().stream().map(WebElement::getText).collect(Collectors.toList()))
        .contains("frontend", "api-gateway", "auth", "orders", "postgres", "redis", "payments", UiFixtures.XSS_SERVICE);
    service.selectByVisibleText("orders");
    Select operation = new Select(ui.browser.driver.findElement(By.id("search-operation")));
    ui.browser.await(d -> operation.getOptions().size() == 3);
    assertThat(operation.getOptions().stream().map(WebElement::getText).collect(Collectors.toList()))
        .containsExactly("all", "create-order", "publish-event");
    ui.browser.driver.findElement(By.id("search-submit")).click();
    ui.browser.awaitElement(By.cssSelector("#trace-list li"));
    assertThat(ui.attributes(By.cssSelector("#trace-list li"), "data-trace-id"))
        .containsExactly(hex(CHECKOUT_B), hex(CHECKOUT));
    assertThat(ui.browser.path()).startsWith(UiSession.BASE + "/search?service=orders");
    WebElement first = ui.browser.driver.findElement(By.cssSelector("#trace-list li"));
    assertThat(first.findElement(By.className("title")).getText()).startsWith("frontend: GET /checkout");
    assertThat(first.findElement(By.className("span-count")).getText()).isEqualTo("8 Spans");
    assertThat(first.findElements(By.className("service-chip")).stream().map(WebElement::getText))
        .containsExactly("api-gateway (1)", "auth (1)", "frontend (2)", "orders (2)", "postgres (2)");
    assertThat(ui.browser.all(By.cssSelector("#scatter-plot circle"))).hasSize(2);
    ui.browser.screenshot("search");
  }

  @Test
  void filtersByTagsAndDuration() {
    ui.open("/search?service=frontend&tags=" + enc("error=true"));
    ui.browser.awaitElement(By.cssSelector("#trace-list li"));
    assertThat(ui.attributes(By.cssSelector("#trace-list li"), "data-trace-id")).containsExactly(hex(PAYMENT_ERROR));
    assertThat(ui.browser.driver.findElement(By.cssSelector("#trace-list li .chip.error")).getText()).isEqualTo("2 Errors");
    assertThat(ui.browser.driver.findElement(By.id("search-tags")).getAttribute("value")).isEqualTo("error=true");

    ui.open("/search?service=frontend&minDuration=150ms");
    ui.browser.awaitElement(By.cssSelector("#trace-list li"));
    assertThat(ui.attributes(By.cssSelector("#trace-list li"), "data-trace-id"))
        .containsExactlyInAnyOrder(hex(PAYMENT_ERROR), hex(CHECKOUT_B));

    ui.open("/search?service=frontend&operation=" + enc("GET /checkout") + "&maxDuration=130ms");
    ui.browser.awaitElement(By.cssSelector("#trace-list li"));
    assertThat(ui.attributes(By.cssSelector("#trace-list li"), "data-trace-id")).containsExactly(hex(CHECKOUT));
  }

  @Test
  void sortsResults() {
    ui.open("/search?service=frontend&sort=longest");
    ui.browser.awaitElement(By.cssSelector("#trace-list li"));
    assertThat(ui.attributes(By.cssSelector("#trace-list li"), "data-trace-id"))
        .containsExactly(hex(PAYMENT_ERROR), hex(CHECKOUT_B), hex(CHECKOUT), hex(XSS));
    new Select(ui.browser.driver.findElement(By.id("search-sort"))).selectByValue("shortest");
    assertThat(ui.attributes(By.cssSelector("#trace-list li"), "data-trace-id"))
        .containsExactly(hex(XSS), hex(CHECKOUT), hex(CHECKOUT_B), hex(PAYMENT_ERROR));
    assertThat(ui.browser.path()).contains("sort=shortest");
    new Select(ui.browser.driver.findElement(By.id("search-sort"))).selectByValue("recent");
    assertThat(ui.attributes(By.cssSelector("#trace-list li"), "data-trace-id"))
        .containsExactly(hex(XSS), hex(PAYMENT_ERROR), hex(CHECKOUT_B), hex(CHECKOUT));
    new Select(ui.browser.driver.findElement(By.id("search-sort"))).selectByValue("spans");
    assertThat(ui.attributes(By.cssSelector("#trace-list li"), "data-trace-id").get(0)).isIn(hex(CHECKOUT), hex(CHECKOUT_B));
  }

  @Test
  void scatterPointOpensTheTrace() {
    ui.open("/search?service=payments");
    ui.browser.awaitElement(By.cssSelector("#scatter-plot circle")).click();
    ui.browser.awaitElement(By.id("trace-header"));
    assertThat(ui.browser.path()).isEqualTo(UiSession.BASE + "/trace/" + hex(PAYMENT_ERROR));
  }

  @Test
  void bigTraceIsSummarised() {
    ui.open("/search?service=big-0&limit=5");
    WebElement item = ui.browser.awaitElement(By.cssSelector("#trace-list li[data-trace-id='" + hex(BIG) + "']"));
    assertThat(item.findElement(By.className("span-count")).getText()).isEqualTo("10000 Spans");
    assertThat(item.findElement(By.className("duration")).getText()).isEqualTo("10s");
  }

  @Test
  void customTimeRange() {
    long checkoutMicros = (ui.fixtures.nowNanos() - 10 * 60_000_000_000L) / 1000;
    ui.open("/search?service=frontend&lookback=custom&start=" + (checkoutMicros - 30_000_000)
        + "&end=" + (checkoutMicros + 30_000_000));
    ui.browser.awaitElement(By.cssSelector("#trace-list li"));
    assertThat(ui.attributes(By.cssSelector("#trace-list li"), "data-trace-id")).containsExactly(hex(CHECKOUT));
    assertThat(ui.browser.driver.findElement(By.id("search-start")).isDisplayed()).isTrue();
    assertThat(new Select(ui.browser.driver.findElement(By.id("search-lookback"))).getFirstSelectedOption()
        .getAttribute("value")).isEqualTo("custom");
  }

  @Test
  void twoTickedResultsOpenTheComparison() {
    ui.open("/search?service=orders");
    ui.browser.awaitElement(By.cssSelector("#trace-list li"));
    WebElement compare = ui.browser.driver.findElement(By.id("compare-selected"));
    assertThat(compare.isEnabled()).isFalse();
    for (WebElement box : ui.browser.all(By.cssSelector("#trace-list li .pick"))) {
      box.click();
    }
    assertThat(compare.isEnabled()).isTrue();
    assertThat(ui.browser.path()).startsWith(UiSession.BASE + "/search");
    compare.click();
    ui.browser.awaitElement(By.cssSelector("#compare-result [data-node]"));
    assertThat(ui.browser.path()).isEqualTo(UiSession.BASE + "/compare?a=" + hex(CHECKOUT_B) + "&b=" + hex(CHECKOUT));
  }
}
