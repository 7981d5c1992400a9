package io.spoor.bench;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints a rejected setting ({@link IllegalArgumentException}, whose message names the value and what was
 * expected) as one line with exit code 2; anything else keeps picocli's stack trace.
 */
final class UsageErrorHandler implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception exception, CommandLine command, ParseResult parseResult)
      throws Exception {
    if (!(exception instanceof IllegalArgumentException)) {
      throw exception;
    }
    command.getErr().println(command.getColorScheme().errorText(exception.getMessage()));
    return 2;
  }
}
