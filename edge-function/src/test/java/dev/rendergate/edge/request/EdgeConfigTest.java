package dev.rendergate.edge.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rendergate.edge.detect.BotClass;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EdgeConfigTest {

    @Test
    void defaults_prerenderSearchSocialAiAndSkipApi() {
        EdgeConfig config = EdgeConfig.defaults();

        assertThat(config.prerenderClasses()).containsExactly(BotClass.SEARCH, BotClass.SOCIAL, BotClass.AI);
        assertThat(config.skipPathPrefixes()).contains("/api/");
        assertThat(config.assetExtensions()).contains("js", "css", "png", "woff2", "map", "wasm", "json", "xml",
                "txt", "pdf", "mp4", "zip", "svg", "ico", "webmanifest");
        assertThat(config.assetExtensions()).doesNotContain("html", "htm", "php");
    }

    @Test
    void from_settings_overrideDefaults() {
        EdgeConfig config = EdgeConfig.from(Map.of(
                "farmDomain", "farm.example.net",
                "farmPort", "8443",
                "farmToken", "t0ken",
                "prerenderClasses", "search, ai",
                "extraAssetExtensions", ".glb2,foo",
                "skipPathPrefixes", "/api/,/graphql",
                "farmReadTimeoutSeconds", "20"));

        assertThat(config.farmDomain()).isEqualTo("farm.example.net");
        assertThat(config.farmPort()).isEqualTo(8443);
        assertThat(config.farmToken()).isEqualTo("t0ken");
        assertThat(config.prerenderClasses()).containsExactly(BotClass.SEARCH, BotClass.AI);
        assertThat(config.assetExtensions()).contains("glb2", "foo", "js");
        assertThat(config.skipPathPrefixes()).containsExactly("/api/", "/graphql");
        assertThat(config.farmReadTimeoutSeconds()).isEqualTo(20);
    }

    @Test
    void from_blankValues_keepDefaults() {
        assertThat(EdgeConfig.from(Map.of("farmDomain", " ", "farmToken", ""))).isEqualTo(EdgeConfig.defaults());
        // Tabs too, in both builds: TeaVM's String.isBlank knows only the space.
        assertThat(EdgeConfig.from(Map.of("farmDomain", "\t", "spaShell", " \t"))).isEqualTo(EdgeConfig.defaults());
    }

    @Test
    void emptyExtensionOrPrefix_isRefused_asItWouldMatchEveryPage() {
        assertThatThrownBy(() -> EdgeConfig.from(Map.of("extraAssetExtensions", "webp, .")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("assetExtensions holds an empty entry, which would match every path");
        assertThatThrownBy(() -> EdgeConfig.defaults().withSkipPathPrefixes(List.of("/api/", " ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("skipPathPrefixes holds an empty entry, which would match every path");
    }

    @Test
    void prerenderClasses_holdingNull_isRefused() {
        Set<BotClass> classes = new HashSet<>();
        classes.add(null);
        assertThatThrownBy(() -> EdgeConfig.defaults().withPrerenderClasses(classes))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("prerenderClasses holds null");
    }

    @Test
    void from_badValues_nameTheSetting() {
        assertThatThrownBy(() -> EdgeConfig.from(Map.of("farmPort", "x")))
                .hasMessageContaining("farmPort").hasMessageContaining("x");
        assertThatThrownBy(() -> EdgeConfig.from(Map.of("prerenderClasses", "search,robots")))
                .hasMessageContaining("prerenderClasses").hasMessageContaining("robots");
        assertThatThrownBy(() -> EdgeConfig.from(Map.of("farmReadTimeoutSeconds", "90")))
                .hasMessageContaining("farmReadTimeoutSeconds");
        assertThatThrownBy(() -> EdgeConfig.from(Map.of("farmProtocol", "ftp")))
                .hasMessageContaining("farmProtocol");
        assertThatThrownBy(() -> EdgeConfig.defaults().withFarmToken("abc\r\nX-Injected: 1"))
                .hasMessageContaining("farmToken").hasMessageNotContaining("abc");
    }

    @Test
    void withFarmToken_acceptsBase64LikeTokens() {
        assertThat(EdgeConfig.defaults().withFarmToken("aB3+/x=_-.~").farmToken()).isEqualTo("aB3+/x=_-.~");
    }

    @Test
    void toString_neverShowsTheToken() {
        assertThat(EdgeConfig.defaults().withFarmToken("s3cret").toString()).doesNotContain("s3cret");
    }
}
