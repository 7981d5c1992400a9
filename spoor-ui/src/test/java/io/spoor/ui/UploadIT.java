package io.spoor.ui;

import static io.spoor.ui.UiFixtures.UPLOADED;
import static io.spoor.ui.UiSession.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.spoor.codec.uijson.UiTraceWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** Jaeger JSON files opened in the browser without the server. */
@ExtendWith(UiSession.Extension.class)
class UploadIT {
  UiSession ui;

  @BeforeEach
  void session(UiSession ui) {
    this.ui = ui;
  }

  @Test
  void uploadedFileOpensWithoutTheServer() throws Exception {
    HttpResponse<String> onServer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(ui.server.url() + "/api/traces/" + hex(UPLOADED))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(onServer.statusCode()).as("the uploaded trace is not on the server").isEqualTo(404);
    Path file = Path.of("target", "upload-trace.json").toAbsolutePath();
    Files.writeString(file, "{\"data\":[" + UiTraceWriter.toJson(ui.fixtures.uploaded()) + "]}");
    ui.open("/search");
    ui.browser.awaitElement(By.id("upload-input")).sendKeys(file.toString());
    ui.awaitTimeline(2);
    assertThat(ui.browser.path()).isEqualTo(UiSession.BASE + "/trace/" + hex(UPLOADED));
    assertThat(ui.browser.driver.findElement(By.cssSelector("#trace-header .trace-name")).getText())
        .isEqualTo("offline-svc: uploaded-root");
    ui.row(1).click();
    assertThat(ui.browser.awaitElement(By.cssSelector("#span-detail .span-tags")).getText()).contains("source").contains("file");
    ui.browser.screenshot("upload");
  }

  @Test
  void aFileThatIsNotJsonIsReported() throws Exception {
    Path file = Path.of("target", "not-a-trace.json").toAbsolutePath();
    Files.writeString(file, "this is not json");
    ui.open("/search");
    ui.browser.awaitElement(By.id("upload-input")).sendKeys(file.toString());
    ui.browser.await(d -> d.findElement(By.id("banner")).isDisplayed());
    assertThat(ui.browser.driver.findElement(By.id("banner")).getText()).startsWith("not-a-trace.json: not JSON");
  }

  @Test
  void aFileWithSeveralTracesListsThem() throws Exception {
    Path file = Path.of("target", "upload-two-traces.json").toAbsolutePath();
    Files.writeString(file, "{\"data\":[" + UiTraceWriter.toJson(ui.fixtures.uploaded()) + ","
        + UiTraceWriter.toJson(ui.fixtures.uploadedSecond()) + "]}");
    ui.open("/dependencies");
    ui.browser.awaitElement(By.id("upload-input")).sendKeys(file.toString());
    ui.browser.awaitElement(By.cssSelector("#trace-list li"));
    assertThat(ui.browser.path()).isEqualTo(UiSession.BASE + "/search?source=upload");
    assertThat(ui.attributes(By.cssSelector("#trace-list li"), "data-trace-id"))
        .containsExactly(hex(UiFixtures.UPLOADED_SECOND), hex(UPLOADED));
    ui.browser.driver.findElement(By.cssSelector("#trace-list li[data-trace-id='" + hex(UiFixtures.UPLOADED_SECOND) + "']")).click();
    ui.awaitTimeline(1);
    assertThat(ui.browser.driver.findElement(By.cssSelector("#trace-header .trace-name")).getText())
        .isEqualTo("offline-svc: second-root");
  }
}
