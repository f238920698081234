package dev.rendergate.edge.detect;

import java.util.List;

/**
 * The keywords that decide the device class: phones are mobile; tablets, TVs, desktops and unknown
 * clients are desktop (tablets get the desktop layout, like most sites serve them).
 */
final class DeviceHints {

    /**
     * Markers of a tablet, TV or desktop even when the User-Agent also says "Mobile": iPad Safari does, and
     * so do Android TV web views and iPads asking for desktop sites (they claim to be a Macintosh).
     */
    static final List<String> LARGE_SCREEN = List.of("ipad", "tablet", "kindle", "silk/", "playbook", "nexus 7", "nexus 9",
            "nexus 10", "macintosh", "android tv", "smart-tv", "smarttv", "googletv", "crkey");

    /** Markers of a phone. Android without "Mobile" is a tablet or TV by Android's own convention. */
    static final List<String> PHONE = List.of(
            "mobi", "iphone", "ipod", "windows phone", "blackberry", "bb10", "opera mini", "symbian",
            "midp", "j2me", "kaios", "webos", "nokia", "phone;", "phone os");

    private DeviceHints() {
    }
}
