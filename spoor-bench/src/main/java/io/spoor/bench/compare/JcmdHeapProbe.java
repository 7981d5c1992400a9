package io.spoor.bench.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code jcmd <pid> GC.heap_info} and reads the heap's "used" figure. Works for any HotSpot child but
 * starts a JVM per sample, so it is the fallback when the server publishes no heap metric.
 */
final class JcmdHeapProbe implements HeapProbe {
  private static final Pattern USED = Pattern.compile("used (\\d+)K");

  private final Path jcmd;
  private final long pid;

  JcmdHeapProbe(Path jcmd, long pid) {
    this.jcmd = jcmd;
    this.pid = pid;
  }

  @Override
  public OptionalLong usedHeapBytes() throws InterruptedException {
    try {
      Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.heap_info")
          .redirectErrorStream(true)
          .start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        return OptionalLong.empty();
      }
      return parse(output);
    } catch (IOException e) {
      return OptionalLong.empty();
    }
  }

  /** The first "used NK" of a GC.heap_info output, in bytes. */
  static OptionalLong parse(String heapInfo) {
    Matcher matcher = USED.matcher(heapInfo);
    return matcher.find() ? OptionalLong.of(Long.parseLong(matcher.group(1)) * 1024) : OptionalLong.empty();
  }

  @Override
  public String source() {
    return "jcmd";
  }
}
