package io.spoor.ui;

import static io.spoor.ui.UiFixtures.CHECKOUT;
import static io.spoor.ui.UiFixtures.CHECKOUT_B;
import static io.spoor.ui.UiFixtures.PAYMENT_ERROR;
import static io.spoor.ui.UiSession.hex;
import static io.spoor.ui.UiSession.spanHex;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** Every view reloads from its URL; back/forward; open by id. */
@ExtendWith(UiSession.Extension.class)
class DeepLinksIT {
  UiSession ui;

  @BeforeEach
  void session(UiSession ui) {
    this.ui = ui;
  }

  @Test
  void traceViewStateSurvivesAReload() {
    ui.open("/trace/" + hex(CHECKOUT));
    ui.row(5).click();
    ui.browser.driver.findElement(By.id("find-input")).sendKeys("redis");
    ui.row(4).findElement(By.className("toggle")).click();
    ui.awaitTimeline(5);
    String url = ui.browser.path();
    ui.browser.driver.navigate().refresh();
    ui.awaitTimeline(5);
    assertThat(ui.browser.path()).isEqualTo(url);
    assertThat(ui.browser.awaitElement(By.id("span-detail")).getAttribute("data-span-id")).isEqualTo(spanHex(5));
    assertThat(ui.browser.driver.findElement(By.id("find-input")).getAttribute("value")).isEqualTo("redis");
  }

  @Test
  void searchReloadsToTheSameResults() {
    ui.open("/search?service=orders&lookback=2h&limit=10");
    ui.browser.awaitElement(By.cssSelector("#trace-list li"));
    ui.browser.driver.navigate().refresh();
    ui.browser.awaitElement(By.cssSelector("#trace-list li"));
    assertThat(ui.attributes(By.cssSelector("#trace-list li"), "data-trace-id")).containsExactly(hex(CHECKOUT_B), hex(CHECKOUT));
    assertThat(new Select(ui.browser.driver.findElement(By.id("search-lookback"))).getFirstSelectedOption().getAttribute("value"))
        .isEqualTo("2h");
    assertThat(ui.browser.driver.findElement(By.id("search-limit")).getAttribute("value")).isEqualTo("10");
  }

  @Test
  void backAndForwardRestoreViews() {
    ui.open("/search?service=payments");
    ui.browser.awaitElement(By.cssSelector("#trace-list li")).click();
    ui.browser.awaitElement(By.id("trace-header"));
    ui.browser.driver.navigate().back();
    ui.browser.awaitElement(By.cssSelector("#trace-list li"));
    assertThat(ui.browser.path()).isEqualTo(UiSession.BASE + "/search?service=payments");
  }

  @Test
  void openByIdFromTheTopBar() {
    ui.open("/dependencies");
    WebElement input = ui.browser.awaitElement(By.id("lookup-id"));
    input.sendKeys(hex(PAYMENT_ERROR) + "\n");
    ui.awaitTimeline(3);
    assertThat(ui.browser.path()).isEqualTo(UiSession.BASE + "/trace/" + hex(PAYMENT_ERROR));
  }

  @Test
  void unknownTraceSaysSo() {
    ui.open("/trace/00000000000000000000000000abcdef");
    assertThat(ui.browser.awaitElement(By.id("trace-error")).getText()).contains("trace not found");
  }
}
