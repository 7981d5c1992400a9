package io.spoor.server;

import io.spoor.storage.StorageFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the command line in-process with a given environment and backends, capturing everything. */
record SpoorRun(int exitCode, String out, String err, List<LogLevel> levels) {
  static final String JAVA = "java 17.0.99 (Test Vendor)";

  static SpoorRun run(Map<String, String> env, List<StorageFactory> factories, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<LogLevel> levels = new ArrayList<>();
    Spoor spoor = new Spoor(Environment.of(env), factories, levels::add, JAVA);
    int code = spoor.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new SpoorRun(code, out.toString(), err.toString(), levels);
  }

  static SpoorRun run(StorageFactory factory, String... args) {
    return run(Map.of(), List.of(factory), args);
  }

  /** The lines of stdout. */
  List<String> outLines() {
    return List.of(out.split("\\R"));
  }
}
