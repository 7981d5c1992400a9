package io.spoor.bench.query;

import static java.util.Objects.requireNonNull;

import io.spoor.bench.load.JsonString;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What one server did: how long the load took, the data's fingerprint, the two latency series, or why the
 * side could not be measured (then the series are null).
 */
public record SideOutcome(String name, double loadSeconds, long loadRetries, long dataFingerprint,
    @Nullable LatencySummary traceById, @Nullable LatencySummary search, @Nullable String unavailableReason) {

  public SideOutcome {
    requireNonNull(name, "name");
    if (unavailableReason == null && (traceById == null || search == null)) {
      throw new IllegalArgumentException(name + ": no latency series and no reason (expected: one or the other)");
    }
  }

  public static SideOutcome unavailable(String name, String reason) {
    return new SideOutcome(name, 0, 0, 0, null, null, reason);
  }

  public boolean measured() {
    return traceById != null && search != null;
  }

  String toJson() {
    return "{\"name\":" + JsonString.quote(name) + String.format(Locale.ROOT, ",\"loadSeconds\":%.1f", loadSeconds)
        + ",\"loadRetries\":" + loadRetries + ",\"dataFingerprint\":\"" + Long.toHexString(dataFingerprint) + "\""
        + ",\"traceById\":" + (traceById == null ? "null" : traceById.toJson())
        + ",\"search\":" + (search == null ? "null" : search.toJson())
        + ",\"unavailableReason\":" + (unavailableReason == null ? "null" : JsonString.quote(unavailableReason))
        + "}";
  }
}
