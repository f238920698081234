package dev.rendergate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad input on the command line gets a clear message and the right exit code. */
class CommandLineErrorsIT {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void unknownSubcommand_isAUsageError() {
    assertThat(run("serve")).isEqualTo(2);
    assertThat(err.toString()).contains("Unmatched argument").contains("serve");
  }

  @Test
  void unknownOption_isAUsageErrorNamingIt() {
    assertThat(run("up", "--colour", "blue")).isEqualTo(2);
    assertThat(err.toString()).contains("--colour");
  }

  @Test
  void badDuration_isAUsageErrorWithAnExample() {
    assertThat(run("up", "--render-timeout", "ten")).isEqualTo(2);
    assertThat(err.toString()).contains("10s");
  }

  @Test
  void up_missingSiteFolder_namesTheFolderAndTheOption() {
    assertThat(run("up", "--port", "0", "--farm-port", "0", "--site", "no-such-folder")).isEqualTo(1);
    assertThat(err.toString()).contains("no-such-folder").contains("--site").contains("RENDERGATE_SITE");
  }

  @Test
  void up_portInUse_namesThePortAndTheOption() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();

      int code = run("up", "--port", String.valueOf(port), "--farm-port", "0", "--site", UpIT.SITE.toString());

      assertThat(code).isEqualTo(1);
      assertThat(err.toString()).contains("port " + port + " is in use").contains("--port");
    }
  }

  @Test
  void up_metricsPortInUse_namesThePortAndItsOption() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();

      int code = run("up", "--port", "0", "--farm-port", "0", "--metrics-port", String.valueOf(port),
          "--site", UpIT.SITE.toString());

      assertThat(code).isEqualTo(1);
      assertThat(err.toString()).contains("port " + port + " is in use").contains("--metrics-port")
          .contains("RENDERGATE_METRICS_PORT");
    }
  }

  @Test
  void gateway_metricsPortThatIsNotAPort_namesTheValueAndTheWayToSwitchItOff() {
    assertThat(run("gateway", "--port", "0", "--site", UpIT.SITE.toString(), "--metrics-port", "nine")).isEqualTo(1);
    assertThat(err.toString()).contains("'nine'").contains("--metrics-port").contains("off");
  }

  @Test
  void gateway_siteAndOrigin_isAnErrorNamingBoth() {
    assertThat(run("gateway", "--port", "0", "--site", UpIT.SITE.toString(), "--origin", "http://127.0.0.1:9")).isEqualTo(1);
    assertThat(err.toString()).contains("--site").contains("--origin").contains("RENDERGATE_ORIGIN");
  }

  @Test
  void gateway_originThatIsNotHttp_namesTheValue() {
    assertThat(run("gateway", "--port", "0", "--origin", "s3://my-bucket")).isEqualTo(1);
    assertThat(err.toString()).contains("s3://my-bucket").contains("http(s)");
  }

  @Test
  void gateway_shortLinksFileAndRedis_isAnErrorNamingBoth() {
    assertThat(run("gateway", "--port", "0", "--site", UpIT.SITE.toString(), "--short-links", "links.txt",
        "--short-links-redis", "redis://127.0.0.1:6379")).isEqualTo(1);
    assertThat(err.toString()).contains("--short-links").contains("--short-links-redis");
  }

  @Test
  void up_queryParamsWithAUrlForASite_saysASiteIsAHostName() {
    assertThat(run("up", "--port", "0", "--farm-port", "0", "--site", UpIT.SITE.toString(),
        "--query-params", "https://shop.example.com=+color")).isEqualTo(1);
    assertThat(err.toString()).contains("--query-params").contains("host name");
  }

  @Test
  void up_negativeMissRateLimit_namesTheOptionAndHowToTurnItOff() {
    assertThat(run("up", "--port", "0", "--farm-port", "0", "--site", UpIT.SITE.toString(),
        "--miss-rate-limit", "-5")).isEqualTo(1);
    assertThat(err.toString()).contains("--miss-rate-limit").contains("0 (no limit)").contains("-5");
  }

  @Test
  void help_listsEverySubcommand() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("up").contains("farm").contains("gateway").contains("classify").contains("render");
  }

  private int run(String... args) {
    return Rendergate.execute(args, Map.of(), new PrintWriter(out, true), new PrintWriter(err, true));
  }
}
