package dev.rendergate.cli;

import dev.rendergate.edge.detect.Device;
import dev.rendergate.farm.Farm;
import dev.rendergate.farm.FarmConfig;
import dev.rendergate.farm.prerender.RenderResult;
import dev.rendergate.farm.guard.RejectedRequestException;
import dev.rendergate.farm.http.SnapshotResponse;
import dev.rendergate.gateway.Gateway;
import dev.rendergate.gateway.GatewayConfig;
import dev.rendergate.gateway.PortInUseException;
import dev.rendergate.gateway.proxy.LocalSnapshots;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The embedded default: a gateway serving the site and a farm in the same process, the farm reachable only
 * on loopback with a random token, allowed to render only the gateway's own origin.
 */
final class EmbeddedStack implements AutoCloseable {
  private final Farm farm;
  private final Gateway gateway;
  private final String token;
  private final boolean generatedToken;
  private final RecentAccess recent;

  private EmbeddedStack(Farm farm, Gateway gateway, String token, boolean generatedToken, RecentAccess recent) {
    this.recent = recent;
    this.farm = farm;
    this.gateway = gateway;
    this.token = token;
    this.generatedToken = generatedToken;
  }

  /**
   * Starts the farm, then the gateway in front of it. The farm's token is {@code farmBase}'s, or a random one when
   * it has none.
   *
   * @throws UserFacingException naming the option to change when a port is taken or the site is missing
   */
  static EmbeddedStack start(GatewayConfig gatewayBase, FarmConfig farmBase) {
    int gatewayPort = gatewayBase.port() != 0 ? gatewayBase.port() : freePort(gatewayBase.bindHost());
    boolean generated = farmBase.token() == null;
    String token = generated ? randomToken() : farmBase.token();
    FarmConfig farmConfig = farmBase
        .withBindHost(InetAddress.getLoopbackAddress().getHostAddress())
        .withToken(token)
        .withAllowedOrigin("http://localhost:" + gatewayPort)
        .withAllowedOrigin("http://127.0.0.1:" + gatewayPort)
        .withPrivateAddressException("localhost:" + gatewayPort)
        .withPrivateAddressException("127.0.0.1:" + gatewayPort);
    GatewayConfig gatewayConfig = validated(gatewayBase.withPort(gatewayPort));
    RecentAccess recent = RecentAccess.attach();
    Farm farm;
    try {
      farm = startFarm(farmConfig, recent);
    } catch (RuntimeException e) {
      recent.detach();
      throw e;
    }
    try {
      URI farmUrl = URI.create("http://" + farmConfig.bindHost() + ":" + farm.port());
      Gateway gateway = Gateway.create(gatewayConfig.withFarm(farmUrl, token), localHits(farm));
      startGateway(gateway);
      return new EmbeddedStack(farm, gateway, token, generated, recent);
    } catch (RuntimeException e) {
      farm.stop();
      recent.detach();
      throw e;
    }
  }

  /** The farm's fresh cache hits, handed to the gateway in process; anything else goes over HTTP. */
  private static LocalSnapshots localHits(Farm farm) {
    return (publicUrl, device) -> {
      try {
        Optional<RenderResult> hit = farm.prerenderer().cachedHit(publicUrl, Device.fromLabel(device));
        if (hit.isEmpty()) {
          return Optional.empty();
        }
        // Counted like a hit its HTTP server answers, so /metrics tells the same story either way.
        farm.prerenderer().metrics().request("rendered");
        SnapshotResponse response = SnapshotResponse.of(hit.get());
        return Optional.of(new LocalSnapshots.Answer(response.status(), response.headers(), response.body()));
      } catch (RejectedRequestException e) {
        return Optional.empty();
      }
    };
  }

  int gatewayPort() {
    return gateway.port();
  }

  int farmPort() {
    return farm.port();
  }

  /** The gateway's metrics listener port, -1 when it serves none. */
  int gatewayMetricsPort() {
    return gateway.metricsPort();
  }

  /** The address the gateway's metrics listener is bound to (only meaningful when it has one). */
  String gatewayMetricsHost() {
    return gateway.config().metrics() == null ? "" : gateway.config().metrics().bindHost();
  }

  /** The farm's token (the inspector's sign-in, and the credential of warm and the recache API). */
  String token() {
    return token;
  }

  /** Whether the token was made up at start (none was given). */
  boolean generatedToken() {
    return generatedToken;
  }

  /** Stops the gateway first (draining crawler requests in flight), then the farm. */
  @Override
  public void close() {
    try {
      gateway.stop();
    } finally {
      farm.stop();
      recent.detach();
    }
  }

  private static GatewayConfig validated(GatewayConfig config) {
    try {
      return config.validate();
    } catch (IllegalArgumentException e) {
      throw new UserFacingException(e.getMessage() + " (set it with --site or RENDERGATE_SITE)", e);
    }
  }

  private static Farm startFarm(FarmConfig config, RecentAccess recent) {
    Farm farm = Farm.create(config, recent);
    try {
      return farm.start();
    } catch (IllegalStateException e) {
      farm.stop();
      throw new UserFacingException("the farm cannot listen on port " + config.port() + " (" + e.getMessage()
          + "); choose another with --farm-port or RENDERGATE_FARM_PORT", e);
    }
  }

  private static void startGateway(Gateway gateway) {
    try {
      gateway.start();
    } catch (PortInUseException e) {
      throw new UserFacingException(e.getMessage(), e);
    }
  }

  private static int freePort(String bindHost) {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(bindHost))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UserFacingException("no free port on " + bindHost + ": " + e.getMessage(), e);
    }
  }

  private static String randomToken() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
