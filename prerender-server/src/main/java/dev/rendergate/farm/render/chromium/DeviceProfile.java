package dev.rendergate.farm.render.chromium;

import dev.rendergate.edge.detect.Device;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The viewport and User-Agent a render emulates for a device class: a recent Android phone or a Linux
 * desktop, with the browser's real major version, reduced like Chrome's own UA, plus the farm marker so
 * apps can skip analytics and edges never route the renderer back to the farm.
 */
record DeviceProfile(Device device, int width, int height, double scale, boolean mobile, String userAgent) {
    /** The farm's profile for the device (viewport, User-Agent with the farm marker) with the browser's real version. */
    static DeviceProfile of(Device device, String chromeMajor) {
        var base = dev.rendergate.farm.render.DeviceProfile.of(device, chromeMajor + ".0.0.0");
        return new DeviceProfile(device, base.width(), base.height(), base.mobile() ? 2.625 : 1.0, base.mobile(),
                base.userAgent());
    }

    /** Parses the major version out of {@code Browser.getVersion}'s product, e.g. "HeadlessChrome/156.0.1". */
    static String majorVersion(String product) {
        int slash = product == null ? -1 : product.indexOf('/');
        if (slash < 0) {
            return "130";
        }
        int dot = product.indexOf('.', slash);
        String major = product.substring(slash + 1, dot < 0 ? product.length() : dot);
        return major.chars().allMatch(Character::isDigit) && !major.isEmpty() ? major : "130";
    }

    Map<String, Object> metrics() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("width", width);
        p.put("height", height);
        p.put("deviceScaleFactor", scale);
        p.put("mobile", mobile);
        return p;
    }

    Map<String, Object> userAgentOverride() {
        return Map.of(
                "userAgent", userAgent,
                "platform", mobile ? "Linux armv8l" : "Linux x86_64",
                "acceptLanguage", "en-US,en");
    }
}
