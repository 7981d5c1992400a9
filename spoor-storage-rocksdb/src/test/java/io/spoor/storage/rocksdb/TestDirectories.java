package io.spoor.storage.rocksdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fresh data directories under {@code target/}, so that {@code mvn clean} removes them. */
final class TestDirectories {
  private static final Path ROOT = Path.of("target", "rocksdb-tests");

  private TestDirectories() {}

  static Path create(String name) {
    try {
      Files.createDirectories(ROOT);
      return Files.createTempDirectory(ROOT, name + "-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
