package io.spoor.server;

import java.io.PrintWriter;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns configuration errors into one line on stderr and exit code 2: bad flags (picocli's parameter
 * exceptions) and {@link IllegalArgumentException}s thrown while a command validates its
 * configuration. Anything else is a failure (exit code 1) and keeps its stack trace.
 */
final class StartupErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {
  static final int INVALID_CONFIGURATION = CommandLine.ExitCode.USAGE;
  static final int FAILURE = CommandLine.ExitCode.SOFTWARE;

  private final Environment environment;

  StartupErrors(Environment environment) {
    this.environment = Objects.requireNonNull(environment, "environment");
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    String name = cmd.getCommandSpec().qualifiedName();
    err.println(name + ": " + ex.getMessage() + fromEnvironment(ex, args) + " (see '" + name + " --help')");
    err.flush();
    return INVALID_CONFIGURATION;
  }

  /** Names the variable when a bad value came from the environment rather than the command line. */
  private String fromEnvironment(ParameterException ex, String[] args) {
    if (!(ex.getArgSpec() instanceof OptionSpec)) {
      return "";
    }
    OptionSpec option = (OptionSpec) ex.getArgSpec();
    for (String arg : args) {
      for (String name : option.names()) {
        if (arg.equals(name) || arg.startsWith(name + "=")) {
          return "";
        }
      }
    }
    String variable = Environment.variableFor(option.longestName());
    return environment.get(variable).isPresent() ? " (from env " + variable + ")" : "";
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    String name = cmd.getCommandSpec().qualifiedName();
    if (ex instanceof ParameterException) {
      return handleParseException((ParameterException) ex, parsed.originalArgs().toArray(new String[0]));
    }
    if (ex instanceof IllegalArgumentException) {
      err.println(name + ": invalid configuration: " + ex.getMessage());
      err.flush();
      return INVALID_CONFIGURATION;
    }
    if (ex instanceof StartupException) {
      err.println(name + ": cannot start: " + ex.getMessage());
      err.flush();
      return FAILURE;
    }
    err.println(name + ": failed: " + ex);
    ex.printStackTrace(err);
    err.flush();
    return FAILURE;
  }
}
