package io.spoor.codec.uijson;

import io.spoor.model.TraceId;
import java.util.Objects;

/**
 * One entry of a query response's {@code errors} list: {@code {"code": 400, "msg": "...", "traceID":
 * "..."}}, where {@code code} is left out when 0 and {@code traceID} when empty, as Jaeger writes
 * them.
 *
 * @param code the HTTP status the error stands for, or 0
 * @param msg what went wrong, shown to the user
 * @param traceId the hex id the error is about, or {@code ""}
 */
public record ApiError(int code, String msg, String traceId) {
  public ApiError {
    Objects.requireNonNull(msg, "msg");
    Objects.requireNonNull(traceId, "traceId");
  }

  /** An error with an HTTP status code and no trace id. */
  public static ApiError of(int code, String msg) {
    return new ApiError(code, msg, "");
  }

  /** Jaeger's entry for a requested id that was not found: {@code {"msg":"trace not found","traceID":"…"}}. */
  public static ApiError traceNotFound(TraceId traceId) {
    return new ApiError(0, "trace not found", traceId.toHex());
  }
}
