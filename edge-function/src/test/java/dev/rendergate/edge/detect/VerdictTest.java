package dev.rendergate.edge.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VerdictTest {

    @Test
    void labels_roundTripAndUnknownsHaveDefaults() {
        for (Device device : Device.values()) {
            assertThat(Device.fromLabel(device.label())).isEqualTo(device);
        }
        for (BotClass botClass : BotClass.values()) {
            assertThat(BotClass.fromLabel(botClass.label())).isEqualTo(botClass);
        }
        assertThat(Device.fromLabel(null)).isEqualTo(Device.DESKTOP);
        assertThat(Device.fromLabel("tablet")).isEqualTo(Device.DESKTOP);
        assertThat(Device.fromLabel(" Mobile ")).isEqualTo(Device.MOBILE);
        assertThat(BotClass.fromLabel("SEARCH")).isEqualTo(BotClass.SEARCH);
        assertThat(BotClass.fromLabel("robot")).isNull();
        assertThat(BotClass.fromLabel(null)).isNull();
    }

    @Test
    void verdict_factoriesAndInvariants() {
        assertThat(Verdict.human(Device.MOBILE)).isEqualTo(new Verdict(false, null, null, Device.MOBILE));
        assertThat(Verdict.bot(BotClass.AI, "gptbot", Device.DESKTOP).bot()).isTrue();
        assertThatThrownBy(() -> new Verdict(false, BotClass.AI, null, Device.DESKTOP)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Verdict.bot(null, "x", Device.DESKTOP)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Verdict.human(null)).isInstanceOf(NullPointerException.class);
    }
}
