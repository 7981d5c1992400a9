package io.spoor.storage.rocksdb;

import io.spoor.storage.StorageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * Opens the data directory with errors an operator can act on: not a directory, not writable,
 * locked by another process, written by an incompatible format. The format version is the value of
 * {@link #FORMAT_KEY} in the default column family.
 */
final class DataDirectory {
  static final byte[] FORMAT_KEY = "spoor.format-version".getBytes(StandardCharsets.UTF_8);
  /** Bump when the key layout of {@link Keys} changes incompatibly. */
  static final String FORMAT_VERSION = "1";

  private DataDirectory() {}

  /** The directory exists (created if needed), is a directory and is writable. */
  static void prepare(Path path) {
    if (Files.exists(path) && !Files.isDirectory(path)) {
      throw new StorageException("rocksdb data directory " + path + ": not a directory (expected: a directory"
          + " Spoor may create and write; set --" + RocksDbStorageFactory.PATH + ")");
    }
    try {
      Files.createDirectories(path);
    } catch (IOException e) {
      throw new StorageException("rocksdb data directory " + path + ": cannot be created (" + e
          + "; expected: a writable location; set --" + RocksDbStorageFactory.PATH + ")", e);
    }
    if (!Files.isWritable(path)) {
      throw new StorageException("rocksdb data directory " + path + ": not writable by this process"
          + " (expected: a directory Spoor may write; set --" + RocksDbStorageFactory.PATH + ")");
    }
  }

  /** The names of the column families stored in {@code path}; just the default one for a new store. */
  static List<byte[]> columnFamilies(Path path) {
    List<byte[]> names = new ArrayList<>();
    if (!Files.exists(path.resolve("CURRENT"))) {
      names.add(RocksDB.DEFAULT_COLUMN_FAMILY);
      return names;
    }
    try (Options options = new Options()) {
      names.addAll(RocksDB.listColumnFamilies(options, path.toString()));
      return names;
    } catch (RocksDBException e) {
      throw failure(path, "cannot be read", e);
    }
  }

  static RocksDB open(Path path, DBOptions options, List<ColumnFamilyDescriptor> families,
      List<ColumnFamilyHandle> handles) {
    try {
      return RocksDB.open(options, path.toString(), families, handles);
    } catch (RocksDBException e) {
      throw failure(path, "cannot be opened", e);
    }
  }

  /** Writes the format version into a new store, or checks the one stored. */
  static void checkFormat(Path path, RocksDB db, boolean hasBuckets) {
    try {
      byte[] stored = db.get(FORMAT_KEY);
      if (stored == null) {
        if (hasBuckets) {
          throw new StorageException("rocksdb data directory " + path + ": no format version"
              + " (expected: a Spoor store of format " + FORMAT_VERSION + ", or an empty directory)");
        }
        db.put(FORMAT_KEY, FORMAT_VERSION.getBytes(StandardCharsets.UTF_8));
        return;
      }
      String version = new String(stored, StandardCharsets.UTF_8);
      if (!version.equals(FORMAT_VERSION)) {
        throw new StorageException("rocksdb data directory " + path + ": format version " + version
            + " (expected: " + FORMAT_VERSION + "); this Spoor cannot read it: use the Spoor version that"
            + " wrote it, or another --" + RocksDbStorageFactory.PATH);
      }
    } catch (RocksDBException e) {
      throw failure(path, "cannot read its format version", e);
    }
  }

  /** Names the likely cause, keeping RocksDB's own message. */
  static StorageException failure(Path path, String what, RocksDBException e) {
    String message = String.valueOf(e.getMessage());
    String lower = message.toLowerCase(Locale.ROOT);
    if (lower.contains("lock")) {
      return new StorageException("rocksdb data directory " + path + ": locked by another process or storage"
          + " (expected: one Spoor process per --" + RocksDbStorageFactory.PATH + "): " + message, e);
    }
    if (lower.contains("permission denied") || lower.contains("read-only")) {
      return new StorageException("rocksdb data directory " + path + ": not writable (expected: a directory"
          + " Spoor may write): " + message, e);
    }
    if (lower.contains("no space")) {
      return new StorageException("rocksdb data directory " + path + ": disk full (expected: free space"
          + " on its file system): " + message, e);
    }
    return new StorageException("rocksdb data directory " + path + ": " + what + ": " + message, e);
  }
}
