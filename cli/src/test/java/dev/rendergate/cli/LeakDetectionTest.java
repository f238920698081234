package dev.rendergate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LeakDetectionTest {

  private String saved;

  @BeforeEach
  void save() {
    saved = System.getProperty(LeakDetection.PROPERTY);
  }

  @AfterEach
  void restore() {
    if (saved == null) {
      System.clearProperty(LeakDetection.PROPERTY);
    } else {
      System.setProperty(LeakDetection.PROPERTY, saved);
    }
  }

  @Test
  void noLevelGiven_switchesTheDetectorOff() {
    System.clearProperty(LeakDetection.PROPERTY);
    LeakDetection.offUnlessAsked();
    assertThat(System.getProperty(LeakDetection.PROPERTY)).isEqualTo("disabled");
  }

  @Test
  void aLevelGiven_isKept() {
    System.setProperty(LeakDetection.PROPERTY, "paranoid");
    LeakDetection.offUnlessAsked();
    assertThat(System.getProperty(LeakDetection.PROPERTY)).isEqualTo("paranoid");
  }
}
