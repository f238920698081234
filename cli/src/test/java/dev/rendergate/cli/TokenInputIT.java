package dev.rendergate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.rendergate.farm.Farm;
import dev.rendergate.farm.FarmConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 16, findings 3 and 7: {@code farm} refuses every interface without a long token, and the token of every
 * command comes from its variable or a file; typed on the command line (visible in {@code ps}) it is warned about.
 */
class TokenInputIT {
  private static final String ORIGIN = "http://127.0.0.1:9";
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void farm_onEveryInterfaceWithoutToken_exitsNamingTheFix() {
    int code = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Rendergate.execute(
        new String[] {"farm", "--bind", "0.0.0.0", "--port", "0", "--allow-origin", ORIGIN, "--engine", "htmlunit",
            "--pool", "1"}, Map.of(), new PrintWriter(out, true), new PrintWriter(err, true)));
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("0.0.0.0").contains("without a token").contains("RENDERGATE_TOKEN")
        .contains("--token-file").contains("--bind 127.0.0.1");
    assertThat(out.toString()).doesNotContain("farm listening");
  }

  @Test
  void farm_tokenFromFile_orVariable_withoutWarning(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("farm_token"), "from-a-file-0123456789abcdef0123456789\n");
    assertThat(farmConfig(Map.of(), "--token-file", file.toString()).token())
        .isEqualTo("from-a-file-0123456789abcdef0123456789");
    assertThat(farmConfig(Map.of("RENDERGATE_TOKEN_FILE", file.toString())).token())
        .isEqualTo("from-a-file-0123456789abcdef0123456789");
    assertThat(farmConfig(Map.of("RENDERGATE_TOKEN", "from-the-environment")).token()).isEqualTo("from-the-environment");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void farm_tokenOnTheCommandLine_works_butWarnsOfPs() {
    assertThat(farmConfig(Map.of(), "--token", "typed-token").token()).isEqualTo("typed-token");
    assertThat(err.toString()).contains("warning: --token on the command line")
        .contains("RENDERGATE_TOKEN").contains("--token-file").doesNotContain("typed-token");
  }

  @Test
  void tokenGivenTwoWays_orEmptyFile_isRefusedWithTheFix(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("farm_token"), "a-token");
    assertThatThrownBy(() -> farmConfig(Map.of("RENDERGATE_TOKEN", "b-token"), "--token-file", file.toString()))
        .hasMessageContaining("both --token (or RENDERGATE_TOKEN) and --token-file");
    Path empty = Files.writeString(dir.resolve("empty"), "\n");
    assertThatThrownBy(() -> farmConfig(Map.of(), "--token-file", empty.toString())).hasMessageContaining("is empty");
    assertThatThrownBy(() -> farmConfig(Map.of(), "--token-file", dir.resolve("missing").toString()))
        .hasMessageContaining("cannot read the token");
  }

  @Test
  void gatewayAndUp_takeTheirTokensFromFiles(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("farm_token"), "gateway-file-token");
    GatewayCommand gateway = parsed(Map.of("RENDERGATE_FARM_TOKEN_FILE", file.toString()), "gateway",
        "--farm", "http://127.0.0.1:3000", "--site", dir.toString());
    assertThat(gateway.config().farmToken()).isEqualTo("gateway-file-token");

    UpCommand up = parsed(Map.of(), "up", "--token-file", file.toString());
    assertThat(up.farmConfig().token()).isEqualTo("gateway-file-token");
    assertThat(err.toString()).isEmpty();

    GatewayCommand typed = parsed(Map.of(), "gateway", "--farm", "http://127.0.0.1:3000", "--site", dir.toString(),
        "--farm-token", "typed");
    assertThat(typed.config().farmToken()).isEqualTo("typed");
    assertThat(err.toString()).contains("warning: --farm-token on the command line").contains("--farm-token-file");
  }

  @Test
  void warm_withTheTokenInAFile_rendersThroughTheFarm_typedItWarns(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("farm_token"), FreshnessFixtures.TOKEN + "\n");
    try (FreshnessFixtures.Site site = new FreshnessFixtures.Site(List.of("/", "/p/1"))) {
      Farm farm = FreshnessFixtures.farmFor(site);
      try {
        String farmUrl = "http://127.0.0.1:" + farm.port();
        int code = Rendergate.execute(new String[] {"warm", site.origin() + "/sitemap.xml", "--farm", farmUrl,
            "--device", "mobile"}, Map.of("RENDERGATE_TOKEN_FILE", file.toString()), new PrintWriter(out, true),
            new PrintWriter(err, true));
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("rendered 2");
        assertThat(err.toString()).doesNotContain("warning:");

        assertThat(Rendergate.execute(new String[] {"warm", site.origin() + "/sitemap.xml", "--farm", farmUrl,
            "--device", "mobile", "--token", FreshnessFixtures.TOKEN}, Map.of(), new PrintWriter(out, true),
            new PrintWriter(err, true))).isZero();
        assertThat(err.toString()).contains("warning: --token on the command line");
      } finally {
        farm.stop();
      }
    }
  }

  @Test
  void everyTokenOption_hasAFileTwin() {
    CommandLine root = commandLine(Map.of());
    for (String command : List.of("farm", "up", "warm", "audit", "invalidate")) {
      assertThat(root.getSubcommands().get(command).getCommandSpec().findOption("--token-file")).as(command).isNotNull();
    }
    assertThat(root.getSubcommands().get("gateway").getCommandSpec().findOption("--farm-token-file")).isNotNull();
  }

  private FarmConfig farmConfig(Map<String, String> environment, String... tokenArgs) {
    String[] args = new String[tokenArgs.length + 2];
    args[0] = "--allow-origin";
    args[1] = ORIGIN;
    System.arraycopy(tokenArgs, 0, args, 2, tokenArgs.length);
    FarmCommand farm = parsed(environment, "farm", args);
    return farm.config();
  }

  /** The subcommand as parsed from {@code rendergate <command> args...}, not yet run. */
  private <T> T parsed(Map<String, String> environment, String command, String... args) {
    CommandLine root = commandLine(environment);
    String[] all = new String[args.length + 1];
    all[0] = command;
    System.arraycopy(args, 0, all, 1, args.length);
    root.parseArgs(all);
    return root.getSubcommands().get(command).getCommand();
  }

  private CommandLine commandLine(Map<String, String> environment) {
    CommandLine root = Rendergate.commandLine(environment);
    root.setOut(new PrintWriter(out, true));
    root.setErr(new PrintWriter(err, true));
    return root;
  }
}
