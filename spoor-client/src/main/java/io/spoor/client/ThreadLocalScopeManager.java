package io.spoor.client;

import static java.util.Objects.requireNonNull;

import io.opentracing.Scope;
import io.opentracing.ScopeManager;
import io.opentracing.Span;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the active span per thread. Scopes nest: closing a scope re-activates the span that was
 * active when it was opened. Closing a scope that is not the innermost one of its thread does nothing,
 * so a scope closed twice or on another thread cannot corrupt the stack.
 */
public final class ThreadLocalScopeManager implements ScopeManager {
  private final ThreadLocal<@Nullable ThreadScope> current = new ThreadLocal<>();

  @Override
  public Scope activate(Span span) {
    requireNonNull(span, "span");
    ThreadScope scope = new ThreadScope(span, current.get());
    current.set(scope);
    return scope;
  }

  @Override
  public @Nullable Span activeSpan() {
    ThreadScope scope = current.get();
    return scope == null ? null : scope.span;
  }

  private final class ThreadScope implements Scope {
    final Span span;
    final @Nullable ThreadScope previous;

    ThreadScope(Span span, @Nullable ThreadScope previous) {
      this.span = span;
      this.previous = previous;
    }

    @Override
    public void close() {
      if (current.get() != this) {
        return;
      }
      if (previous == null) {
        current.remove();
      } else {
        current.set(previous);
      }
    }
  }
}
