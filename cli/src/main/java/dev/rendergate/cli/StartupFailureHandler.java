package dev.rendergate.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failure while a command starts or runs into one clear line on stderr and exit code 1. A
 * {@link UserFacingException} carries a message written for the person at the terminal; anything else is
 * a bug, so its stack trace is printed too.
 */
final class StartupFailureHandler implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception failure, CommandLine commandLine, ParseResult parseResult) {
    String command = commandLine.getCommandName();
    if (failure instanceof UserFacingException) {
      commandLine.getErr().println(command + ": " + failure.getMessage());
    } else {
      commandLine.getErr().println(command + ": unexpected failure: " + failure);
      failure.printStackTrace(commandLine.getErr());
    }
    commandLine.getErr().flush();
    return 1;
  }
}
