package dev.rendergate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class EnvironmentDefaultsTest {

  @Test
  void everyOption_namesItsEnvironmentVariableInHelp() {
    List<String> undocumented = new ArrayList<>();
    forEachOption(Rendergate.commandLine(Map.of()), (command, option) -> {
      String variable = EnvironmentDefaults.variableFor(option);
      String description = String.join(" ", option.description());
      if (!description.contains("[env: " + variable + "]")) {
        undocumented.add(command + " " + option.longestName() + " (expected [env: " + variable + "])");
      }
      if (description.isBlank()) {
        undocumented.add(command + " " + option.longestName() + " has no description");
      }
    });
    assertThat(undocumented).isEmpty();
  }

  @Test
  void variableFor_longOptionName_isUpperSnakeCaseWithPrefix() {
    CommandLine up = Rendergate.commandLine(Map.of()).getSubcommands().get("up");
    assertThat(EnvironmentDefaults.variableFor(up.getCommandSpec().findOption("--farm-port")))
        .isEqualTo("RENDERGATE_FARM_PORT");
  }

  @Test
  void environmentValue_isUsedWhenFlagAbsent_andFlagWins() {
    CommandLine fromEnvironment = Rendergate.commandLine(Map.of("RENDERGATE_FARM_PORT", "3999"));
    CommandLine.ParseResult parsed = fromEnvironment.parseArgs("up");
    assertThat((Integer) parsed.subcommand().matchedOptionValue("--farm-port", 0)).isZero();
    assertThat(parsed.subcommand().commandSpec().findOption("--farm-port").<Integer>getValue()).isEqualTo(3999);

    CommandLine withFlag = Rendergate.commandLine(Map.of("RENDERGATE_FARM_PORT", "3999"));
    CommandLine.ParseResult flagged = withFlag.parseArgs("up", "--farm-port", "4001");
    assertThat(flagged.subcommand().commandSpec().findOption("--farm-port").<Integer>getValue()).isEqualTo(4001);
  }

  private static void forEachOption(CommandLine root, java.util.function.BiConsumer<String, OptionSpec> action) {
    for (OptionSpec option : root.getCommandSpec().options()) {
      if (!option.usageHelp() && !option.versionHelp()) {
        action.accept(root.getCommandName(), option);
      }
    }
    root.getSubcommands().values().forEach(sub -> forEachOption(sub, action));
  }
}
