package io.spoor.ui;

import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.file.FileService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Serves the web UI under a base path: the static assets from the classpath, and {@code index.html}
 * for every other GET below the base path that is not an {@code /api} route, so deep links such as
 * {@code /search?service=x} and {@code /trace/abc} load the single-page app, which then renders the
 * view from the URL. The base path is written into the served {@code index.html} (a {@code <base
 * href>} and a {@code spoor-base-path} meta tag), so the UI works behind {@code --query.base-path}.
 * The index page is sent with a Content-Security-Policy that allows only the UI's own scripts.
 *
 * <p>Register the API routes (for example Spoor's {@code HttpQueryApi}) on the same server builder;
 * the more specific {@code /api} routes win over the UI's catch-all.
 */
public final class UiAssets {
  static final String ASSET_ROOT = "io/spoor/ui";
  static final String BASE_PLACEHOLDER = "<!--spoor:base-->";
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
      + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; object-src 'none'; "
      + "base-uri 'self'; frame-ancestors 'self'";
  private static final Pattern BASE_PATH = Pattern.compile("/([A-Za-z0-9._~-]+/?)*");

  private final ClassLoader classLoader;

  /** A UI whose assets come from this class's class loader. */
  public UiAssets() {
    this(UiAssets.class.getClassLoader());
  }

  UiAssets(ClassLoader classLoader) {
    this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
  }

  /**
   * Adds the UI routes under {@code basePath} ({@code /} or a prefix such as {@code /jaeger}).
   *
   * @throws IllegalArgumentException when the base path is not an absolute URL path of plain
   *     segments
   * @throws UncheckedIOException when {@code index.html} cannot be read from the classpath
   */
  public void addTo(ServerBuilder sb, String basePath) {
    Objects.requireNonNull(sb, "sb");
    String base = normalize(basePath);
    HttpService index = indexService(base, renderIndex(base));
    FileService files = FileService.builder(classLoader, ASSET_ROOT)
        .cacheControl("no-cache")
        .build();
    if (!base.isEmpty()) {
      sb.service(base, (ctx, req) -> HttpResponse.ofRedirect(HttpStatus.MOVED_PERMANENTLY, base + "/"));
    }
    sb.service(base + "/", index);
    sb.service(base + "/index.html", index);
    sb.serviceUnder(base + "/", files.orElse(index));
  }

  /** {@code ""} for the root, else the path without a trailing slash. */
  static String normalize(String basePath) {
    Objects.requireNonNull(basePath, "basePath");
    if (!BASE_PATH.matcher(basePath).matches() || basePath.contains("//")) {
      throw new IllegalArgumentException("query.base-path: " + basePath
          + " (expected: an absolute path of letters, digits and . _ ~ -, such as /jaeger)");
    }
    String base = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
    return base;
  }

  String renderIndex(String base) {
    String template = readIndex();
    if (!template.contains(BASE_PLACEHOLDER)) {
      throw new IllegalStateException("index.html: no " + BASE_PLACEHOLDER + " placeholder");
    }
    // The base path was validated to plain URL characters, so it needs no HTML escaping.
    String head = "<base href=\"" + base + "/\">\n  <meta name=\"spoor-base-path\" content=\"" + base + "\">";
    return template.replace(BASE_PLACEHOLDER, head);
  }

  private String readIndex() {
    String name = ASSET_ROOT + "/index.html";
    try (InputStream in = classLoader.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("UI asset missing from the classpath: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }

  private static HttpService indexService(String base, String html) {
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    String apiPrefix = base + "/api/";
    return (ctx, req) -> {
      if (ctx.path().startsWith(apiPrefix) || ctx.path().equals(base + "/api")) {
        return HttpResponse.of(HttpStatus.NOT_FOUND, MediaType.PLAIN_TEXT_UTF_8,
            "no such endpoint: " + ctx.path());
      }
      if (req.method() != HttpMethod.GET && req.method() != HttpMethod.HEAD) {
        return HttpResponse.of(HttpStatus.METHOD_NOT_ALLOWED);
      }
      ResponseHeaders headers = ResponseHeaders.builder(HttpStatus.OK)
          .contentType(MediaType.HTML_UTF_8)
          .set(HttpHeaderNames.CACHE_CONTROL, "no-cache")
          .set(HttpHeaderNames.CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY)
          .set(HttpHeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff")
          .build();
      return HttpResponse.of(headers, HttpData.wrap(body));
    };
  }
}
