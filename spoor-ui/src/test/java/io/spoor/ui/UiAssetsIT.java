package io.spoor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Serving without a browser: assets, the SPA fallback, base path injection, and the API left alone. */
class UiAssetsIT {
  static UiServer root;
  static UiServer prefixed;
  static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeAll
  static void start() {
    root = new UiServer("/", null);
    prefixed = new UiServer("/jaeger", null);
  }

  @AfterAll
  static void stop() {
    root.close();
    prefixed.close();
  }

  static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void rootServesIndexWithEmptyBasePath() throws Exception {
    HttpResponse<String> r = get(root.url() + "/");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
    assertThat(r.headers().firstValue("content-security-policy")).hasValue(UiAssets.CONTENT_SECURITY_POLICY);
    assertThat(r.body()).contains("<base href=\"/\">").contains("<meta name=\"spoor-base-path\" content=\"\">")
        .doesNotContain(UiAssets.BASE_PLACEHOLDER);
  }

  @Test
  void deepLinksFallBackToIndex() throws Exception {
    for (String path : new String[] {"/search?service=a", "/trace/abc", "/compare?a=1&b=2", "/dependencies"}) {
      HttpResponse<String> r = get(root.url() + path);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(r.body()).as(path).contains("js/app.js").contains("<base href=\"/\">");
    }
  }

  @Test
  void staticAssetsAreServedWithTheirTypes() throws Exception {
    HttpResponse<String> js = get(root.url() + "/js/app.js");
    assertThat(js.statusCode()).isEqualTo(200);
    assertThat(js.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).contains("javascript"));
    assertThat(js.body()).contains("onRoute(render)");
    HttpResponse<String> css = get(root.url() + "/css/spoor.css");
    assertThat(css.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/css"));
  }

  @Test
  void apiRoutesWinOverTheFallback() throws Exception {
    HttpResponse<String> services = get(root.url() + "/api/services");
    assertThat(services.statusCode()).isEqualTo(200);
    assertThat(services.body()).startsWith("{\"data\":[]");
    HttpResponse<String> unknown = get(root.url() + "/api/nope");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).doesNotContain("<html");
  }

  @Test
  void basePathIsInjectedAndPrefixesEverything() throws Exception {
    HttpResponse<String> index = get(prefixed.url() + "/trace/abc");
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.body()).contains("<base href=\"/jaeger/\">")
        .contains("<meta name=\"spoor-base-path\" content=\"/jaeger\">");
    assertThat(get(prefixed.url() + "/js/api.js").statusCode()).isEqualTo(200);
    assertThat(get(prefixed.url() + "/api/services").body()).startsWith("{\"data\":[]");
    HttpResponse<String> bare = get(prefixed.url());
    assertThat(bare.statusCode()).isEqualTo(301);
    assertThat(bare.headers().firstValue("location")).hasValue("/jaeger/");
    assertThat(get(prefixed.url().replace("/jaeger", "") + "/js/app.js").statusCode()).isEqualTo(404);
  }
}
