package dev.rendergate.farm.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapshotTest {

    @Test
    void html_isStoredAsUtf8AndDecodesBack() {
        String html = "<html><title>Ärztin — Dr. Jane Doe · 医生</title></html>";

        Snapshot snapshot = Pages.ok(html);

        assertThat(snapshot.body()).isEqualTo(html.getBytes(StandardCharsets.UTF_8));
        assertThat(snapshot.html()).isEqualTo(html);
    }

    @Test
    void weight_oneCharacterOutsideLatin1_doesNotDoubleIt() {
        String latin1 = Pages.html(30_000, "Jane Doe");
        String withDash = latin1.replaceFirst("</title>", " \u2014</title>");

        long plain = Pages.ok(latin1).weight();
        long dashed = Pages.ok(withDash).weight();

        assertThat(dashed - plain).isLessThan(16);
        assertThat(plain).isBetween(30_000L, 36_000L);
    }

    @Test
    void equalsAndHashCode_compareTheBodyByContent() {
        Snapshot a = Pages.ok("<html>same</html>");
        Snapshot b = Pages.ok("<html>same</html>");

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(Pages.ok("<html>other</html>"));
    }

    @Test
    void toString_neverContainsThePage() {
        Snapshot snapshot = Pages.ok("<html>secret-ish body</html>");

        assertThat(snapshot.toString()).doesNotContain("secret-ish").contains("bytes=").contains("status=200");
    }

    @Test
    void constructor_rejectsImpossibleStatusAndMissingParts() {
        assertThatThrownBy(() -> Pages.page(42, "x")).hasMessageContaining("status");
        assertThatThrownBy(() -> new Snapshot(200, Map.of(), (String) null, "htmlunit", 1, Pages.RENDERED_AT))
                .hasMessageContaining("html");
    }
}
