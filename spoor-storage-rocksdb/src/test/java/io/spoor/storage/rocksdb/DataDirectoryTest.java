package io.spoor.storage.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spoor.storage.Storage;
import io.spoor.storage.StorageException;
import io.spoor.storage.StorageFactory;
import io.spoor.storage.StorageSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;

/** A data directory that cannot be used fails {@code start()} with one line that says why. */
class DataDirectoryTest {
  private static Storage storageAt(Path path) {
    return StorageFactory.find("rocksdb").orElseThrow()
        .create(StorageSettings.of(Map.of(RocksDbStorageFactory.PATH, path.toString())));
  }

  @Test
  void aDirectoryInUseIsReportedAsLocked() {
    Path path = TestDirectories.create("locked");
    try (Storage first = storageAt(path); Storage second = storageAt(path)) {
      first.start();
      assertThatThrownBy(second::start).isInstanceOf(StorageException.class)
          .hasMessageContaining("rocksdb data directory " + path + ": locked by another process or storage")
          .hasMessageContaining("one Spoor process per --rocksdb.path");
      assertThat(first.check().healthy()).as("the first storage keeps working").isTrue();
    }
  }

  @Test
  void aFileWhereTheDirectoryShouldBeIsRefused() throws IOException {
    Path file = TestDirectories.create("file").resolve("data");
    Files.writeString(file, "not a directory");
    try (Storage storage = storageAt(file)) {
      assertThatThrownBy(storage::start).isInstanceOf(StorageException.class)
          .hasMessage("rocksdb data directory " + file + ": not a directory (expected: a directory Spoor may"
              + " create and write; set --rocksdb.path)");
    }
  }

  @Test
  void aDirectoryThatCannotBeCreatedIsRefused() throws IOException {
    Path file = TestDirectories.create("parent-file").resolve("file");
    Files.writeString(file, "a file");
    Path below = file.resolve("data");
    try (Storage storage = storageAt(below)) {
      assertThatThrownBy(storage::start).isInstanceOf(StorageException.class)
          .hasMessageStartingWith("rocksdb data directory " + below + ": cannot be created (")
          .hasMessageEndingWith("; expected: a writable location; set --rocksdb.path)");
    }
  }

  /** Root may write anywhere, so this runs only for other users (as CI and developers do not). */
  @Test
  void aReadOnlyDirectoryIsReportedAsNotWritable() throws IOException {
    Path path = TestDirectories.create("read-only");
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      Assumptions.assumeFalse(Files.isWritable(path), "running as root: permission bits do not bind");
      try (Storage storage = storageAt(path)) {
        assertThatThrownBy(storage::start).isInstanceOf(StorageException.class)
            .hasMessageContaining("rocksdb data directory " + path + ": not writable");
      }
    } finally {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  /**
   * As root (as on CI) permission bits do not bind, so the same check runs on a read-only tmpfs,
   * where even root cannot write.
   */
  @Test
  void aReadOnlyFileSystemIsReportedAsNotWritable() throws Exception {
    Path path = TestDirectories.create("read-only-fs");
    boolean mounted = run("mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", path.toString());
    Assumptions.assumeTrue(mounted, "cannot mount a read-only tmpfs here (needs root)");
    try (Storage storage = storageAt(path)) {
      assertThatThrownBy(storage::start).isInstanceOf(StorageException.class)
          .hasMessageContaining("rocksdb data directory " + path + ": not writable");
    } finally {
      run("umount", "-l", path.toString());
    }
  }

  private static boolean run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getInputStream().readAllBytes();
    return process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) && process.exitValue() == 0;
  }

  @Test
  void anotherFormatVersionIsRefusedAndLeftAlone() throws Exception {
    Path path = TestDirectories.create("format");
    try (Storage storage = storageAt(path)) {
      storage.start();
    }
    overwriteFormatVersion(path, "99");
    try (Storage storage = storageAt(path)) {
      assertThatThrownBy(storage::start).isInstanceOf(StorageException.class)
          .hasMessageStartingWith("rocksdb data directory " + path + ": format version 99 (expected: 1)");
    }
    overwriteFormatVersion(path, "1");
    try (Storage storage = storageAt(path)) {
      storage.start();
      assertThat(storage.check().healthy()).isTrue();
    }
  }

  private static void overwriteFormatVersion(Path path, String version) throws Exception {
    List<ColumnFamilyDescriptor> families = new ArrayList<>();
    for (byte[] name : DataDirectory.columnFamilies(path)) {
      families.add(new ColumnFamilyDescriptor(name));
    }
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    try (DBOptions options = new DBOptions();
        RocksDB db = RocksDB.open(options, path.toString(), families, handles)) {
      db.put(DataDirectory.FORMAT_KEY, version.getBytes(StandardCharsets.UTF_8));
      handles.forEach(ColumnFamilyHandle::close);
    }
  }
}
