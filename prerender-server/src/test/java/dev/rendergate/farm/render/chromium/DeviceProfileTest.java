package dev.rendergate.farm.render.chromium;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rendergate.edge.detect.Device;
import org.junit.jupiter.api.Test;

class DeviceProfileTest {

    @Test
    void majorVersion_fromBrowserProduct_isTheNumberAfterTheSlash() {
        assertThat(DeviceProfile.majorVersion("HeadlessChrome/156.0.8078.108")).isEqualTo("156");
        assertThat(DeviceProfile.majorVersion("Chrome/131")).isEqualTo("131");
    }

    @Test
    void majorVersion_unreadable_fallsBackToARecentVersion() {
        assertThat(DeviceProfile.majorVersion(null)).isEqualTo("130");
        assertThat(DeviceProfile.majorVersion("garbage")).isEqualTo("130");
        assertThat(DeviceProfile.majorVersion("Chrome/x.1")).isEqualTo("130");
    }

    @Test
    void of_mobile_isAPhoneViewportWithAMobileUserAgentAndTheMarker() {
        DeviceProfile mobile = DeviceProfile.of(Device.MOBILE, "156");

        assertThat(mobile.mobile()).isTrue();
        assertThat(mobile.width()).isEqualTo(412);
        assertThat(mobile.userAgent()).contains("Android", "Chrome/156.0.0.0 Mobile Safari/537.36")
                .endsWith(" RendergateRenderer/1.0");
        assertThat(mobile.userAgent()).doesNotContain("Headless");
    }

    @Test
    void of_desktop_isALaptopViewportWithoutMobileHints() {
        DeviceProfile desktop = DeviceProfile.of(Device.DESKTOP, "156");

        assertThat(desktop.mobile()).isFalse();
        assertThat(desktop.width()).isEqualTo(1366);
        assertThat(desktop.userAgent()).doesNotContain("Mobile").endsWith("Safari/537.36 RendergateRenderer/1.0");
        assertThat(desktop.metrics()).containsEntry("mobile", false).containsEntry("width", 1366);
    }
}
