package dev.rendergate.farm.render;

import dev.rendergate.edge.detect.Device;
import dev.rendergate.edge.request.EdgeHeaders;

/**
 * Viewport and User-Agent for a device class. The UA ends with {@link #RENDERER_MARKER} so sites (and our own
 * edge) can recognise the farm and skip analytics or avoid loops.
 *
 * @param userAgent browser UA including the renderer marker
 * @param width     viewport width in CSS pixels
 * @param height    viewport height in CSS pixels
 * @param mobile    true for touch / mobile emulation
 */
public record DeviceProfile(String userAgent, int width, int height, boolean mobile) {
    /** The UA suffix that marks the farm's own requests; the edge's loop guard looks for the same marker. */
    public static final String RENDERER_MARKER = EdgeHeaders.RENDERER_UA_MARKER + "/1.0";
    /** Header sent with every request of a render. */
    public static final String PRERENDER_HEADER = "X-Prerender";

    private static final DeviceProfile DESKTOP = of(Device.DESKTOP, "131.0.0.0");
    private static final DeviceProfile MOBILE = of(Device.MOBILE, "131.0.0.0");

    /** The profile for a device class, claiming the given Chrome version in its User-Agent. */
    public static DeviceProfile of(Device device, String chromeVersion) {
        if (device == Device.MOBILE) {
            return new DeviceProfile("Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/"
                    + chromeVersion + " Mobile Safari/537.36 " + RENDERER_MARKER, 412, 915, true);
        }
        return new DeviceProfile("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/"
                + chromeVersion + " Safari/537.36 " + RENDERER_MARKER, 1366, 768, false);
    }

    /** The profile for a device class. */
    public static DeviceProfile of(Device device) {
        return device == Device.MOBILE ? MOBILE : DESKTOP;
    }
}
