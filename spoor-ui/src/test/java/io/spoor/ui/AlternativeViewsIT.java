package io.spoor.ui;

import static io.spoor.ui.UiFixtures.CHECKOUT;
import static io.spoor.ui.UiFixtures.CHECKOUT_B;
import static io.spoor.ui.UiSession.hex;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The trace graph, statistics and JSON views. */
@ExtendWith(UiSession.Extension.class)
class AlternativeViewsIT {
  UiSession ui;

  @BeforeEach
  void session(UiSession ui) {
    this.ui = ui;
  }

  @Test
  void traceGraphHasOneNodePerServiceAndOperation() {
    ui.open("/trace/" + hex(CHECKOUT));
    ui.awaitTimeline(8);
    ui.browser.driver.findElement(By.cssSelector("[data-view='graph']")).click();
    ui.browser.awaitElement(By.cssSelector("#trace-graph [data-node]"));
    assertThat(ui.browser.all(By.cssSelector("#trace-graph [data-node]"))).hasSize(8);
    assertThat(ui.browser.all(By.cssSelector("#trace-graph [data-edge]"))).hasSize(7);
    assertThat(ui.browser.path()).contains("view=graph");
    ui.browser.screenshot("trace-graph");
  }

  @Test
  void statisticsTableGroupsByServiceAndOperation() {
    ui.open("/trace/" + hex(CHECKOUT_B) + "?view=stats");
    WebElement table = ui.browser.awaitElement(By.id("trace-stats"));
    List<WebElement> rows = table.findElements(By.cssSelector("tbody tr"));
    assertThat(rows).hasSize(8);
    WebElement first = rows.get(0);
    assertThat(first.findElement(By.cssSelector("[data-col='service']")).getText()).isEqualTo("frontend");
    assertThat(first.findElement(By.cssSelector("[data-col='operation']")).getText()).isEqualTo("GET /checkout");
    assertThat(first.findElement(By.cssSelector("[data-col='total']")).getText()).isEqualTo("160ms");
    assertThat(first.findElement(By.cssSelector("[data-col='self']")).getText()).isEqualTo("9ms");
    ui.browser.screenshot("trace-statistics");
  }

  @Test
  void rawJsonCanBeDownloaded() throws Exception {
    ui.open("/trace/" + hex(CHECKOUT) + "?view=json");
    WebElement pre = ui.browser.awaitElement(By.id("trace-json"));
    JsonNode json = new ObjectMapper().readTree(pre.getText());
    assertThat(json.get("data").get(0).get("traceID").asText()).isEqualTo(hex(CHECKOUT));
    assertThat(json.get("data").get(0).get("spans")).hasSize(8);
    assertThat(ui.browser.driver.findElement(By.id("json-download")).isDisplayed()).isTrue();
  }

  @Test
  void noConsoleErrorsOnAnyPage() {
    ui.browser.consoleErrors();
    for (String path : new String[] {"/search?service=orders", "/trace/" + hex(CHECKOUT), "/trace/" + hex(CHECKOUT) + "?view=graph",
        "/trace/" + hex(CHECKOUT) + "?view=stats", "/trace/" + hex(CHECKOUT) + "?view=json",
        "/compare?a=" + hex(CHECKOUT) + "&b=" + hex(CHECKOUT_B), "/dependencies"}) {
      ui.open(path);
      ui.browser.await(d -> path.startsWith(String.valueOf(ui.browser.js("return document.body.dataset.ready"))));
      assertThat(ui.browser.consoleErrors()).as(path).isEmpty();
    }
  }
}
