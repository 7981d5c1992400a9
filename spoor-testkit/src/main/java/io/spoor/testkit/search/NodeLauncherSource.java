package io.spoor.testkit.search;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The main class of a forked search node. It needs the engine's {@code Node} class, which must stay off
 * the testkit's own class path, so its source is generated here and compiled with {@code javax.tools}
 * against the fetched jars, once per engine version, into the jar cache.
 */
final class NodeLauncherSource {
  static final String CLASS_NAME = "SpoorSearchNode";

  private NodeLauncherSource() {}

  /** The folder holding the compiled launcher for {@code engine}, compiling it if needed. */
  static Path compile(SearchEngine engine, Path jars) {
    Path classes = jars.resolveSibling(engine.jarsKey() + "-launcher");
    Path done = classes.resolve(CLASS_NAME + ".class");
    if (Files.exists(done)) {
      return classes;
    }
    try {
      Files.createDirectories(classes);
      try (FileChannel channel = FileChannel.open(classes.resolve(".lock"), StandardOpenOption.CREATE,
              StandardOpenOption.WRITE);
          FileLock ignored = channel.lock()) {
        if (Files.exists(done)) {
          return classes;
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
          throw new IllegalStateException("no Java compiler in " + System.getProperty("java.home")
              + " (the search-node launcher is compiled at test time: run the tests on a JDK)");
        }
        String classPath;
        try (var files = Files.list(jars)) {
          classPath = files.filter(p -> p.toString().endsWith(".jar")).map(Path::toString)
              .collect(Collectors.joining(java.io.File.pathSeparator));
        }
        StringWriter out = new StringWriter();
        try (StandardJavaFileManager fm = compiler.getStandardFileManager(null, null, null)) {
          JavaFileObject source = new SimpleJavaFileObject(
              URI.create("string:///" + CLASS_NAME + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
              return source(engine);
            }
          };
          Boolean ok = compiler.getTask(out, fm, null,
              List.of("-nowarn", "-proc:none", "-classpath", classPath, "-d", classes.toString()),
              null, List.of(source)).call();
          if (!Boolean.TRUE.equals(ok)) {
            throw new IllegalStateException("compiling the " + engine.id() + " launcher failed:\n" + out);
          }
        }
        return classes;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not compile the " + engine.id() + " launcher into " + classes, e);
    }
  }

  /**
   * A node started with the module plugins named by the engine, which a distribution would load from
   * {@code modules/}; settings come as {@code key=value} arguments; SIGTERM closes the node.
   */
  static String source(SearchEngine engine) {
    String pkg = engine.rootPackage();
    String plugins = engine.pluginClasses().stream().map(c -> "\"" + c + "\"")
        .collect(Collectors.joining(", "));
    return """
        import java.util.*;
        import java.util.concurrent.CountDownLatch;
        import java.util.concurrent.TimeUnit;
        import PKG.common.settings.Settings;
        import PKG.node.InternalSettingsPreparer;
        import PKG.node.Node;
        import PKG.plugins.Plugin;

        public class CLASS {
          static final class WithPlugins extends Node {
            WithPlugins(Settings settings, Collection<Class<? extends Plugin>> plugins) {
              super(InternalSettingsPreparer.prepareEnvironment(settings, Collections.emptyMap(), null,
                  () -> settings.get("node.name", "node-1")), plugins, true);
            }
          }

          @SuppressWarnings("unchecked")
          public static void main(String[] args) throws Exception {
            Settings.Builder settings = Settings.builder();
            for (String arg : args) {
              int eq = arg.indexOf('=');
              settings.put(arg.substring(0, eq), arg.substring(eq + 1));
            }
            List<Class<? extends Plugin>> plugins = new ArrayList<>();
            for (String name : new String[] {PLUGINS}) {
              plugins.add((Class<? extends Plugin>) Class.forName(name));
            }
            Node node = new WithPlugins(settings.build(), plugins);
            CountDownLatch closed = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
              try {
                node.close();
                node.awaitClose(30, TimeUnit.SECONDS);
              } catch (Exception e) {
                e.printStackTrace();
              } finally {
                closed.countDown();
              }
            }, "spoor-search-node-shutdown"));
            node.start();
            System.out.println("spoor search node started");
            closed.await();
          }
        }
        """.replace("PKG", pkg).replace("CLASS", CLASS_NAME).replace("PLUGINS", plugins);
  }
}
