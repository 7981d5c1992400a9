package io.spoor.bench.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class QuerySamplerTest {
  private final DatasetIndex index = index(500);

  @Test
  void picksDistinctStoredTracesAndTheSameForTheSameSeed() {
    List<DatasetIndex.TraceRef> picked = new QuerySampler(index, 3).traces(200);

    assertThat(picked).hasSize(200).doesNotHaveDuplicates();
    assertThat(index.traces()).containsAll(picked);
    assertThat(new QuerySampler(index, 3).traces(200)).isEqualTo(picked);
    assertThat(new QuerySampler(index, 4).traces(200)).isNotEqualTo(picked);
  }

  @Test
  void picksAreSpreadOverTheWholeDatasetNotItsStart() {
    List<DatasetIndex.TraceRef> picked = new QuerySampler(index, 3).traces(200);
    List<Integer> positions = picked.stream().map(index.traces()::indexOf).toList();

    assertThat(positions).anyMatch(p -> p < 100).anyMatch(p -> p >= 400);
  }

  @Test
  void allTracesCanBePickedAndMoreRepeatSome() {
    assertThat(new QuerySampler(index, 1).traces(500)).containsExactlyInAnyOrderElementsOf(index.traces());

    List<DatasetIndex.TraceRef> more = new QuerySampler(index, 1).traces(700);
    assertThat(more).hasSize(700);
    assertThat(index.traces()).containsAll(more);
  }

  @Test
  void servicesAreSearchedInTurn() {
    List<String> picked = new QuerySampler(index, 9).services(30);

    Map<String, Long> counts = picked.stream().collect(Collectors.groupingBy(Function.identity(),
        Collectors.counting()));
    assertThat(counts).containsOnlyKeys("a", "b", "c").allSatisfy((name, count) -> assertThat(count).isEqualTo(10));
    for (int i = 1; i < picked.size(); i++) {
      assertThat(picked.get(i)).isNotEqualTo(picked.get(i - 1));
    }
    assertThat(new QuerySampler(index, 9).services(30)).isEqualTo(picked);
  }

  private static DatasetIndex index(int traces) {
    List<DatasetIndex.TraceRef> refs = new ArrayList<>();
    for (int i = 0; i < traces; i++) {
      refs.add(new DatasetIndex.TraceRef(String.format("%032x", i + 1), 1 + i % 5));
    }
    return new DatasetIndex(refs, Map.of("a", 10, "b", 20, "c", 30), 1_500, new SearchWindow(0, 1));
  }
}
