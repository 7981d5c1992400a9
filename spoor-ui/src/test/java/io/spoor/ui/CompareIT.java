package io.spoor.ui;

import static io.spoor.ui.UiFixtures.CHECKOUT;
import static io.spoor.ui.UiFixtures.CHECKOUT_B;
import static io.spoor.ui.UiFixtures.PAYMENT_ERROR;
import static io.spoor.ui.UiSession.hex;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Two traces merged: only in A, only in B, in both, duration change. */
@ExtendWith(UiSession.Extension.class)
class CompareIT {
  UiSession ui;

  @BeforeEach
  void session(UiSession ui) {
    this.ui = ui;
  }

  @Test
  void mergedGraphMarksWhatDiffers() {
    ui.open("/compare?a=" + hex(CHECKOUT) + "&b=" + hex(CHECKOUT_B));
    ui.browser.awaitElement(By.cssSelector("#compare-result [data-node]"));
    assertThat(ui.browser.all(By.cssSelector("#compare-result .node.only-a"))).hasSize(1);
    assertThat(ui.browser.all(By.cssSelector("#compare-result .node.only-b"))).hasSize(1);
    assertThat(ui.browser.all(By.cssSelector("#compare-result .node.both"))).hasSize(7);
    assertThat(nodeText(".only-a")).contains("redis").contains("SET order:42").contains("only A");
    assertThat(nodeText(".only-b")).contains("postgres").contains("SELECT inventory").contains("only B");
    WebElement createOrder = ui.browser.all(By.cssSelector("#compare-result .node.both")).stream()
        .filter(n -> n.getText().contains("create-order")).findFirst().orElseThrow();
    assertThat(createOrder.findElement(By.cssSelector("text.note")).getText()).isEqualTo("+40ms");
    ui.browser.screenshot("compare");
  }

  @Test
  void formNavigatesToTheComparison() {
    ui.open("/compare");
    ui.browser.awaitElement(By.id("compare-a")).sendKeys(hex(CHECKOUT));
    ui.browser.driver.findElement(By.id("compare-b")).sendKeys(hex(PAYMENT_ERROR));
    ui.browser.driver.findElement(By.id("compare-submit")).click();
    ui.browser.awaitElement(By.cssSelector("#compare-result [data-node]"));
    assertThat(ui.browser.path()).isEqualTo(UiSession.BASE + "/compare?a=" + hex(CHECKOUT) + "&b=" + hex(PAYMENT_ERROR));
    assertThat(ui.browser.all(By.cssSelector("#compare-result .node.only-a"))).hasSize(8);
    assertThat(ui.browser.all(By.cssSelector("#compare-result .node.only-b"))).hasSize(3);
  }

  String nodeText(String cls) {
    return ui.browser.driver.findElement(By.cssSelector("#compare-result .node" + cls)).getText();
  }
}
