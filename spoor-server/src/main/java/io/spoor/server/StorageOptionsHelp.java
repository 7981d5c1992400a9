package io.spoor.server;

import io.spoor.storage.StorageFactory;
import io.spoor.storage.StorageOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Lists the backend options in a command's help, one heading per backend, right after the command's
 * own options. The options themselves are hidden from the main list, which would otherwise mix the
 * flags of every backend together.
 */
final class StorageOptionsHelp {
  static final String SECTION_KEY = "spoorStorageBackends";

  private StorageOptionsHelp() {}

  static void install(CommandSpec spec, List<StorageFactory> factories, Map<String, OptionSpec> options) {
    UsageMessageSpec usage = spec.usageMessage();
    List<String> keys = new ArrayList<>(usage.sectionKeys());
    if (keys.contains(SECTION_KEY)) {
      return;
    }
    int at = keys.indexOf(UsageMessageSpec.SECTION_KEY_OPTION_LIST);
    keys.add(at < 0 ? keys.size() : at + 1, SECTION_KEY);
    usage.sectionKeys(keys);
    usage.sectionMap().put(SECTION_KEY, help -> render(help, factories, options));
  }

  private static String render(Help help, List<StorageFactory> factories, Map<String, OptionSpec> options) {
    StringBuilder out = new StringBuilder();
    out.append(String.format("%nStorage backends (select with %s or SPAN_STORAGE_TYPE):%n",
        StorageOptions.TYPE_FLAG));
    if (factories.isEmpty()) {
      out.append(String.format("  (none on the class path)%n"));
    }
    for (StorageFactory factory : factories) {
      List<OptionSpec> visible = new ArrayList<>();
      for (StorageOption option : factory.options()) {
        OptionSpec spec = options.get(option.name());
        if (spec != null) {
          visible.add(OptionSpec.builder(spec).hidden(false).build());
        }
      }
      out.append(String.format("  %s%s%n", factory.name(), visible.isEmpty() ? " (no options)" : ":"));
      out.append(help.optionListExcludingGroups(visible));
    }
    return out.toString();
  }
}
