package io.spoor.server;

import io.spoor.storage.Storage;
import io.spoor.storage.StorageFactory;
import io.spoor.storage.StorageOption;
import io.spoor.storage.StorageSettings;
import java.util.List;

/** A second test backend, to show options of several backends side by side; never created. */
final class OtherFactory implements StorageFactory {
  @Override
  public String name() {
    return "other";
  }

  @Override
  public List<StorageOption> options() {
    return List.of(new StorageOption("other.servers", "127.0.0.1", "Servers to connect to."));
  }

  @Override
  public Storage create(StorageSettings settings) {
    throw new AssertionError("other is never selected in these tests");
  }
}
