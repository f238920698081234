package dev.rendergate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * A farm token as a command takes it: from its {@code RENDERGATE_*} variable or from a file (a container secret),
 * or, with a warning, from the command line, where every user of the machine can read it ({@code ps},
 * {@code /proc/<pid>/cmdline}).
 */
final class TokenInput {
  /** A token file larger than this is not a token. */
  static final int MAX_FILE_BYTES = 4096;

  private TokenInput() {
  }

  /**
   * The token, or null when none is given.
   *
   * @param command    the command; its parse result says whether the flag was typed, its err gets the warning
   * @param option     the flag, e.g. {@code --token}
   * @param value      the flag's value (typed, or from its variable), or null
   * @param fileOption the file flag, e.g. {@code --token-file}
   * @param file       the file holding the token, or null
   * @throws UserFacingException when both are given, or the file is missing, empty, too large or not UTF-8
   */
  static String resolve(CommandSpec command, String option, String value, String fileOption, Path file) {
    boolean hasValue = value != null && !value.isBlank();
    if (hasValue && file != null) {
      throw new UserFacingException("both " + option + " (or " + variable(command, option) + ") and " + fileOption
          + " are set; give the token one way only");
    }
    if (file != null) {
      return read(fileOption, file);
    }
    if (!hasValue) {
      return null;
    }
    if (typed(command, option)) {
      PrintWriter err = command.commandLine().getErr();
      err.println("warning: " + option + " on the command line can be read by every user of this machine (ps, "
          + "/proc); set " + variable(command, option) + " or put the token in a file named by " + fileOption);
      err.flush();
    }
    return value.strip();
  }

  private static boolean typed(CommandSpec command, String option) {
    ParseResult parsed = command.commandLine().getParseResult();
    return parsed != null && parsed.hasMatchedOption(option);
  }

  private static String variable(CommandSpec command, String option) {
    return EnvironmentDefaults.variableFor(command.findOption(option));
  }

  private static String read(String fileOption, Path file) {
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new UserFacingException(fileOption + " " + file + " is larger than " + MAX_FILE_BYTES
            + " bytes; it should hold the token alone");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UserFacingException("cannot read the token from " + fileOption + " " + file + ": " + e
          + "; name a readable file holding the token", e);
    }
    String token;
    try {
      token = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString().strip();
    } catch (CharacterCodingException e) {
      throw new UserFacingException(fileOption + " " + file + " is not UTF-8 text; it should hold the token alone", e);
    }
    if (token.isEmpty()) {
      throw new UserFacingException(fileOption + " " + file + " is empty; put the token in it");
    }
    if (token.contains("\n")) {
      throw new UserFacingException(fileOption + " " + file + " has more than one line; it should hold the token alone");
    }
    return token;
  }
}
