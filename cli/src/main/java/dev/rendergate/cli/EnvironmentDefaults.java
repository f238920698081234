package dev.rendergate.cli;

import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Supplies option defaults from {@code RENDERGATE_*} environment variables: {@code --farm-port} is read
 * from {@code RENDERGATE_FARM_PORT}. A flag given on the command line always wins.
 */
final class EnvironmentDefaults implements IDefaultValueProvider {
  static final String PREFIX = "RENDERGATE_";

  private final Map<String, String> environment;

  EnvironmentDefaults(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** The environment variable that sets an option, derived from its longest name. */
  static String variableFor(OptionSpec option) {
    String name = option.longestName().replaceFirst("^-+", "");
    return PREFIX + name.replace('-', '_').toUpperCase(Locale.ROOT);
  }

  @Override
  public String defaultValue(ArgSpec argument) {
    if (!(argument instanceof OptionSpec option) || option.usageHelp() || option.versionHelp()) {
      return null;
    }
    String value = environment.get(variableFor(option));
    return value == null || value.isBlank() ? option.defaultValue() : value;
  }
}
