package io.spoor.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UiAssetsTest {
  @Test
  void normalizesBasePaths() {
    assertThat(UiAssets.normalize("/")).isEmpty();
    assertThat(UiAssets.normalize("/jaeger")).isEqualTo("/jaeger");
    assertThat(UiAssets.normalize("/jaeger/")).isEqualTo("/jaeger");
    assertThat(UiAssets.normalize("/a/b-c_d.e~f")).isEqualTo("/a/b-c_d.e~f");
  }

  @Test
  void refusesBasePathsThatCouldBreakOutOfTheIndexPage() {
    for (String bad : new String[] {"", "jaeger", "/a\"><script>", "/a b", "//evil.example", "/a//b", "/a?x"}) {
      assertThatThrownBy(() -> UiAssets.normalize(bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("query.base-path: " + bad);
    }
  }

  @Test
  void rendersTheBasePathIntoIndex() {
    String html = new UiAssets().renderIndex("/jaeger");
    assertThat(html).contains("<base href=\"/jaeger/\">").contains("content=\"/jaeger\"")
        .doesNotContain(UiAssets.BASE_PLACEHOLDER);
  }
}
