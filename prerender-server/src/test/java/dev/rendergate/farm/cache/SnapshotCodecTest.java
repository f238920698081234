package dev.rendergate.farm.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;

class SnapshotCodecTest {

    @Test
    void encodeDecode_keepsEveryFieldAndHeaderOrder() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Location", "https://example.com/doctors/17-jane-doe");
        headers.put("Content-Type", "text/html; charset=utf-8");
        Snapshot original = new Snapshot(301, headers, "<html>Grüße — 医生</html>", "chromium", 1834,
                Instant.parse("2026-11-28T16:00:00.123456789Z"), "build-42");

        Snapshot decoded = SnapshotCodec.decode(SnapshotCodec.encode(original));

        assertThat(decoded).isEqualTo(original);
        assertThat(decoded.headers().keySet()).containsExactly("Location", "Content-Type");
    }

    @Test
    void encode_renderedHtml_compressesAtLeastFourTimes() {
        String html = Pages.html(30_000, "Jane Doe");

        byte[] value = SnapshotCodec.encode(Pages.ok(html));

        assertThat(value.length).isLessThan(html.length() / 4);
    }

    @Test
    void decode_garbageOrOtherVersion_isRejected() {
        assertThatThrownBy(() -> SnapshotCodec.decode(new byte[] {1, 2, 3, 4}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SnapshotCodec.decode(new byte[] {9, 0, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version");
        byte[] truncated = SnapshotCodec.encode(Pages.ok(Pages.html(5_000, "x")));
        byte[] cut = java.util.Arrays.copyOf(truncated, truncated.length / 2);
        assertThatThrownBy(() -> SnapshotCodec.decode(cut)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decode_valueInflatingPastTheBound_isRejectedWithoutReadingItAll() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(1);
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
            out.writeShort(200);
            out.writeLong(1);
            out.writeLong(0);
            out.writeInt(0);
            out.writeInt(1);
            out.write('x');
            out.writeBoolean(false);
            out.writeInt(0);
            out.writeInt(SnapshotCodec.MAX_DECODED_BYTES);
            out.write(new byte[SnapshotCodec.MAX_DECODED_BYTES]); // zeros: a few KB compressed
        }
        byte[] bomb = bytes.toByteArray();
        assertThat(bomb.length).isLessThan(200_000);

        assertThatThrownBy(() -> SnapshotCodec.decode(bomb))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inflates past");
    }
}
