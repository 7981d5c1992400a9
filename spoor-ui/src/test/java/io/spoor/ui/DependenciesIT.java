package io.spoor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The service dependency graph equals the API's links; a click filters by service. */
@ExtendWith(UiSession.Extension.class)
class DependenciesIT {
  UiSession ui;

  @BeforeEach
  void session(UiSession ui) {
    this.ui = ui;
  }

  @Test
  void graphHasTheStoredServicesAndCalls() throws Exception {
    JsonNode api = new ObjectMapper().readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(ui.server.url() + "/api/dependencies?lookback=86400000")).build(),
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
    ui.open("/dependencies");
    ui.browser.awaitElement(By.cssSelector("#deps-graph [data-node]"));
    assertThat(new TreeSet<>(ui.attributes(By.cssSelector("#deps-graph [data-edge]"), "data-edge"))).isEqualTo(expected);
    assertThat(new TreeSet<>(ui.attributes(By.cssSelector("#deps-graph [data-node]"), "data-node"))).isEqualTo(services);
    WebElement edge = ui.browser.driver.findElement(By.cssSelector("#deps-graph [data-edge='orders->redis']"));
    assertThat(edge.getText()).isEqualTo("1");
    ui.browser.screenshot("dependencies");

    ui.browser.driver.findElement(By.cssSelector("#deps-graph [data-node='orders']")).click();
    ui.browser.await(d -> d.findElements(By.cssSelector("#deps-graph [data-edge]")).size() == 3);
    assertThat(new TreeSet<>(ui.attributes(By.cssSelector("#deps-graph [data-edge]"), "data-edge")))
        .containsExactly("api-gateway->orders", "orders->postgres", "orders->redis");
    assertThat(ui.browser.path()).contains("service=orders");
    ui.browser.driver.navigate().refresh();
    ui.browser.await(d -> d.findElements(By.cssSelector("#deps-graph [data-edge]")).size() == 3);
    ui.browser.screenshot("dependencies-filtered");
  }
}
