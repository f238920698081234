package dev.rendergate.farm.render;

import dev.rendergate.edge.detect.Device;

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
    /** The UA suffix that marks the farm's own requests. */
    public static final String RENDERER_MARKER = "RendergateRenderer/1.0";
    /** Header sent with every request of a render. */
    public static final String PRERENDER_HEADER = "X-Prerender";

    private static final DeviceProfile DESKTOP = new DeviceProfile(
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 "
                    + RENDERER_MARKER, 1366, 768, false);
    private static final DeviceProfile MOBILE = new DeviceProfile(
            "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile "
                    + "Safari/537.36 " + RENDERER_MARKER, 412, 915, true);

    /** The profile for a device class. */
    public static DeviceProfile of(Device device) {
        return device == Device.MOBILE ? MOBILE : DESKTOP;
    }
}
