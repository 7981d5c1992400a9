package io.spoor.ui;

import static io.spoor.ui.UiFixtures.XSS;
import static io.spoor.ui.UiSession.enc;
import static io.spoor.ui.UiSession.hex;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Hostile names, tags and log fields stay text in every view. */
@ExtendWith(UiSession.Extension.class)
class XssIT {
  UiSession ui;

  @BeforeEach
  void session(UiSession ui) {
    this.ui = ui;
  }

  @Test
  void hostileNamesTagsAndLogsStayText() {
    ui.open("/trace/" + hex(XSS));
    ui.awaitTimeline(2);
    ui.row(1).click();
    WebElement detail = ui.browser.awaitElement(By.id("span-detail"));
    assertThat(ui.browser.driver.findElement(By.cssSelector("#trace-header .trace-name")).getText())
        .isEqualTo(UiFixtures.XSS_SERVICE + ": " + UiFixtures.XSS_OPERATION);
    assertThat(detail.findElement(By.className("span-tags")).getText())
        .contains(UiFixtures.XSS_TAG_VALUE).contains(UiFixtures.XSS_TAG_KEY);
    assertThat(detail.findElement(By.className("logs")).getText()).contains(UiFixtures.XSS_LOG);
    assertThat(detail.findElement(By.className("process-tags")).getText()).contains(UiFixtures.XSS_TAG_VALUE);
    ui.browser.driver.findElement(By.id("find-input")).sendKeys("<img");
    ui.browser.await(d -> d.findElement(By.id("find-count")).getText().equals("2 matches"));
    for (String view : new String[] {"graph", "stats", "json", "timeline"}) {
      ui.browser.driver.findElement(By.cssSelector("[data-view='" + view + "']")).click();
      ui.assertNoScriptRan();
    }
    ui.browser.screenshot("xss-trace");
  }

  @Test
  void hostileServiceInSearchAndDependencies() {
    ui.open("/search?service=" + enc(UiFixtures.XSS_SERVICE));
    WebElement item = ui.browser.awaitElement(By.cssSelector("#trace-list li"));
    assertThat(item.getAttribute("data-trace-id")).isEqualTo(hex(XSS));
    assertThat(item.getText()).contains(UiFixtures.XSS_SERVICE);
    ui.assertNoScriptRan();
    ui.open("/dependencies");
    ui.browser.awaitElement(By.cssSelector("#deps-graph [data-node]"));
    assertThat(ui.attributes(By.cssSelector("#deps-graph [data-node]"), "data-node")).contains(UiFixtures.XSS_SERVICE);
    ui.assertNoScriptRan();
  }
}
