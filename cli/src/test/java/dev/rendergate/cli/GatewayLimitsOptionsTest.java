package dev.rendergate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rendergate.gateway.GatewayLimits;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Issue 16, finding 6: the gateway's connection, stream, pipeline and body-memory bounds from flags and variables. */
class GatewayLimitsOptionsTest {

  @Test
  void gateway_takesTheBoundsFromFlags(@TempDir Path site) {
    GatewayCommand gateway = parsed(Map.of(), "gateway", "--site", site.toString(), "--max-connections", "100",
        "--max-http2-streams", "8", "--max-pipelined", "2", "--body-memory", "16MB");
    GatewayLimits limits = gateway.config().limits();
    assertThat(limits.maxConnections()).isEqualTo(100);
    assertThat(limits.maxHttp2Streams()).isEqualTo(8);
    assertThat(limits.maxPipelined()).isEqualTo(2);
    assertThat(limits.bodyMemoryBytes()).isEqualTo(16L << 20);
  }

  @Test
  void up_takesTheBoundsFromVariables_andDefaultsToTheLibrarys() {
    UpCommand up = parsed(Map.of("RENDERGATE_MAX_CONNECTIONS", "250"), "up");
    assertThat(up.gatewayConfig().limits()).isEqualTo(GatewayLimits.defaults().withMaxConnections(250));
  }

  @Test
  void bodyMemoryBelowTheBodyLimit_isRefusedNamingTheOption(@TempDir Path site) {
    GatewayCommand gateway = parsed(Map.of(), "gateway", "--site", site.toString(), "--body-memory", "64KB");
    assertThatThrownBy(gateway::config).isInstanceOf(UserFacingException.class)
        .hasMessageContaining("at least one request body").hasMessageContaining("--body-memory");
  }

  private static <T> T parsed(Map<String, String> environment, String command, String... args) {
    CommandLine root = Rendergate.commandLine(environment);
    String[] all = new String[args.length + 1];
    all[0] = command;
    System.arraycopy(args, 0, all, 1, args.length);
    root.parseArgs(all);
    return root.getSubcommands().get(command).getCommand();
  }
}
