package dev.rendergate.farm.http;

/** Makes a value safe for an HTTP header: printable ASCII only, bounded length. */
final class HeaderText {
    private static final int MAX = 512;

    private HeaderText() {
    }

    static String safe(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(value.length(), MAX));
        for (int i = 0; i < value.length() && sb.length() < MAX; i++) {
            char c = value.charAt(i);
            sb.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return sb.toString();
    }
}
