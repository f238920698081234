package dev.rendergate.cli;

/**
 * Netty's buffer leak detector, off in a running process unless asked for. It samples buffer allocations and
 * records where each sampled buffer goes, a cost on every request for a check that belongs in tests, which keep
 * Netty's default. {@code -Dio.netty.leakDetection.level=simple} (or {@code advanced}, {@code paranoid}) turns it
 * back on, for instance to chase a suspected leak.
 */
final class LeakDetection {
  static final String PROPERTY = "io.netty.leakDetection.level";
  /** The name older Netty versions read, still honoured by Netty when set. */
  private static final String LEGACY_PROPERTY = "io.netty.leakDetectionLevel";

  private LeakDetection() {}

  /** Switches the detector off unless a level was given; call before the first Netty buffer is made. */
  static void offUnlessAsked() {
    if (System.getProperty(PROPERTY) == null && System.getProperty(LEGACY_PROPERTY) == null) {
      System.setProperty(PROPERTY, "disabled");
    }
  }
}
