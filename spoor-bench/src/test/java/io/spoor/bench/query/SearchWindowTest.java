package io.spoor.bench.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SearchWindowTest {
  @Test
  void zipkinsWindowIsRoundedOutwardsToMilliseconds() {
    SearchWindow window = new SearchWindow(1_000_500, 2_000_001);

    assertThat(window.zipkinEndTsMillis()).isEqualTo(2_001);
    assertThat(window.zipkinLookbackMillis()).isEqualTo(2_001 - 1_000);
  }

  @Test
  void wholeMillisecondsStayAsTheyAre() {
    SearchWindow window = new SearchWindow(5_000, 9_000);

    assertThat(window.zipkinEndTsMillis()).isEqualTo(9);
    assertThat(window.zipkinLookbackMillis()).isEqualTo(4);
  }

  @Test
  void anEndBeforeTheStartIsRefused() {
    assertThatThrownBy(() -> new SearchWindow(10, 9))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("search window: [10, 9] µs (expected: 0 <= start <= end)");
  }
}
