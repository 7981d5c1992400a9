package io.spoor.storage;

import java.util.Objects;

/** The result of {@link Storage#check()}: healthy, or not with a reason an operator can act on. */
public record HealthStatus(boolean healthy, String reason) {
  public static final HealthStatus OK = new HealthStatus(true, "");

  public HealthStatus {
    Objects.requireNonNull(reason, "reason");
  }

  public static HealthStatus unhealthy(String reason) {
    return new HealthStatus(false, reason);
  }
}
