package io.spoor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.spoor.model.SpanId;
import io.spoor.model.TraceId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * One query server (memory storage, Jaeger API, UI under {@link #BASE}) loaded with {@link
 * UiFixtures}, and one headless Chromium, shared by every browser test class of the run: the
 * extension keeps the session in the root store, which closes it when the run ends. Tests open
 * their page by URL, so they do not depend on each other's order.
 */
final class UiSession implements AutoCloseable {
  static final String BASE = "/spoor";

  final UiFixtures fixtures;
  final UiServer server;
  final Browser browser;

  private UiSession() throws IOException {
    fixtures = new UiFixtures(System.currentTimeMillis() * 1_000_000L);
    server = new UiServer(BASE, fixtures);
    Browser b;
    try {
      b = new Browser();
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
    browser = b;
  }

  @Override
  public void close() {
    browser.close();
    server.close();
  }

  /** Hands test methods and constructors the run's session. */
  static final class Extension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(UiSession.class);

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
      return p.getParameter().getType() == UiSession.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
      return c.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(UiSession.class, k -> {
        try {
          return new UiSession();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }, UiSession.class);
    }
  }

  static String hex(TraceId id) {
    return id.toHex();
  }

  static String spanHex(long id) {
    return SpanId.of(id).toHex();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  void open(String path) {
    browser.open(server.url() + path);
  }

  List<String> attributes(By by, String name) {
    return browser.all(by).stream().map(e -> e.getAttribute(name)).collect(Collectors.toList());
  }

  WebElement awaitTimeline(int rows) {
    return browser.await(d -> {
      List<WebElement> t = d.findElements(By.id("timeline"));
      return !t.isEmpty() && String.valueOf(rows).equals(t.get(0).getAttribute("data-row-count")) ? t.get(0) : null;
    });
  }

  WebElement row(long spanId) {
    return browser.awaitElement(By.cssSelector(".tl-row[data-span-id='" + spanHex(spanId) + "']"));
  }

  void assertNoScriptRan() {
    assertThat(browser.js("return window.__xss === undefined")).isEqualTo(true);
    assertThat(browser.all(By.cssSelector("#app img, #app svg[onload], #app script"))).isEmpty();
  }
}
