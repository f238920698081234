package dev.rendergate.farm.render.chromium;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChromiumSandboxTest {
    private static final Optional<String> ABSENT = Optional.empty();

    @Test
    void decide_root_turnsTheSandboxOffAndSaysWhy() {
        ChromiumSandbox s = ChromiumSandbox.decide(new ChromiumSandbox.Facts(0, ABSENT, Optional.of("1000"), ABSENT, true));

        assertThat(s.enabled()).isFalse();
        assertThat(s.flags()).containsExactly("--no-sandbox");
        assertThat(s.reason()).contains("root");
    }

    @Test
    void decide_ordinaryUserWithUserNamespaces_keepsTheSandbox() {
        ChromiumSandbox s = ChromiumSandbox.decide(new ChromiumSandbox.Facts(1000, Optional.of("1"), Optional.of("63000"),
                Optional.of("0"), false));

        assertThat(s.enabled()).isTrue();
        assertThat(s.flags()).isEmpty();
    }

    @Test
    void decide_userNamespacesClosed_fallsBackUnlessASetuidHelperExists() {
        var closedByDebian = new ChromiumSandbox.Facts(1000, Optional.of("0"), ABSENT, ABSENT, false);
        var closedByCount = new ChromiumSandbox.Facts(1000, ABSENT, Optional.of("0"), ABSENT, false);
        var closedByAppArmor = new ChromiumSandbox.Facts(1000, ABSENT, ABSENT, Optional.of("1"), false);
        var helper = new ChromiumSandbox.Facts(1000, Optional.of("0"), Optional.of("0"), Optional.of("1"), true);

        assertThat(ChromiumSandbox.decide(closedByDebian).reason()).contains("unprivileged_userns_clone");
        assertThat(ChromiumSandbox.decide(closedByCount).reason()).contains("max_user_namespaces");
        assertThat(ChromiumSandbox.decide(closedByAppArmor).reason()).contains("apparmor");
        assertThat(ChromiumSandbox.decide(helper).enabled()).isTrue();
    }
}
