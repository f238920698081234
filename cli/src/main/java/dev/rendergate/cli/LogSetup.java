package dev.rendergate.cli;

import java.util.Locale;
import java.util.Map;

/**
 * Chooses the log format (text or JSON lines) before the first logger exists. Logging is configured once
 * per process by Logback, so the choice must be read from the arguments and the environment before any
 * class with a logger is loaded.
 */
final class LogSetup {
  static final String OPTION = "--log-format";

  private LogSetup() {}

  /** Sets the Logback properties from {@code --log-format}/{@code RENDERGATE_LOG_FORMAT} and {@code RENDERGATE_LOG_LEVEL}. */
  static void configure(String[] args, Map<String, String> environment) {
    String format = environment.getOrDefault("RENDERGATE_LOG_FORMAT", "text");
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals(OPTION) && i + 1 < args.length) {
        format = args[i + 1];
      } else if (args[i].startsWith(OPTION + "=")) {
        format = args[i].substring(OPTION.length() + 1);
      }
    }
    format = format.toLowerCase(Locale.ROOT);
    // An unknown value is reported by picocli's own validation of --log-format; log as text meanwhile.
    if (format.equals("json")) {
      System.setProperty("logback.configurationFile", "logback-json.xml");
    }
    String level = environment.get("RENDERGATE_LOG_LEVEL");
    if (level != null && !level.isBlank()) {
      System.setProperty("rendergate.log.level", level.toUpperCase(Locale.ROOT));
    }
  }
}
