package dev.rendergate.farm;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BindPolicyTest {
    private static final String TOKEN_32 = "0123456789abcdef0123456789abcdef";

    @Test
    void loopback_withOrWithoutToken_isAllowed() {
        for (String host : new String[] {"127.0.0.1", "::1", "localhost", "127.0.0.2"}) {
            assertThatCode(() -> BindPolicy.check(FarmConfig.defaults().withBindHost(host))).doesNotThrowAnyException();
            assertThatCode(() -> BindPolicy.check(FarmConfig.defaults().withBindHost(host).withToken("short")))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void everyInterface_needsATokenOfAtLeast32Characters() {
        for (String host : new String[] {"0.0.0.0", "::", "10.0.0.7"}) {
            FarmConfig exposed = FarmConfig.defaults().withBindHost(host);
            assertThatThrownBy(() -> BindPolicy.check(exposed)).hasMessageContaining("without a token");
            assertThatThrownBy(() -> BindPolicy.check(exposed.withToken(TOKEN_32.substring(1))))
                    .hasMessageContaining("31 characters").hasMessageContaining("at least 32");
            assertThatCode(() -> BindPolicy.check(exposed.withToken(TOKEN_32))).doesNotThrowAnyException();
        }
    }

    @Test
    void aNameThatDoesNotResolve_countsAsExposed() {
        assertThatThrownBy(() -> BindPolicy.check(FarmConfig.defaults().withBindHost("no-such-host.invalid")))
                .hasMessageContaining("--bind 127.0.0.1");
    }
}
