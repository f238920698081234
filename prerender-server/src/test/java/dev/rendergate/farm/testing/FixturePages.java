package dev.rendergate.farm.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * What a crawler must get for the pages of every fixture app: status, title, description, canonical, JSON-LD and
 * the key text, as the apps' data say.
 */
public enum FixturePages {
    HOME("/", 200, "Find a doctor | Clinic directory",
            "Browse 6 doctors by specialty and city and book an appointment online.", "MedicalOrganization",
            List.of("Find a doctor", "Dr. Emma Schwarz", "Pediatrics · Munich", "Dr. Noah Braun")),
    DOCTOR("/doctors/17-emma-schwarz", 200, "Dr. Emma Schwarz, Cardiology in Berlin | Clinic directory",
            "Dr. Emma Schwarz is a cardiology doctor in Berlin. Rated 4.8 by 112 patients. Book an appointment online.",
            "Physician", List.of("Dr. Emma Schwarz", "treats heart rhythm disorders", "Speaks English, German",
                    "Took the time to explain every result.", "Dr. Jonas Keller")),
    OTHER_DOCTOR("/doctors/31-sofia-rossi", 200, "Dr. Sofia Rossi, Pediatrics in Munich | Clinic directory",
            "Dr. Sofia Rossi is a pediatrics doctor in Munich. Rated 4.9 by 203 patients. Book an appointment online.",
            "Physician", List.of("Dr. Sofia Rossi", "allergies and asthma", "Our kids actually like going")),
    MISSING_DOCTOR("/doctors/999-nobody", 404, "Doctor not found | Clinic directory", null, null,
            List.of("Doctor not found"));

    private final String path;
    private final int status;
    private final String title;
    private final String description;
    private final String jsonLdType;
    private final List<String> text;

    FixturePages(String path, int status, String title, String description, String jsonLdType, List<String> text) {
        this.path = path;
        this.status = status;
        this.title = title;
        this.description = description;
        this.jsonLdType = jsonLdType;
        this.text = text;
    }

    public String path() {
        return path;
    }

    /**
     * Asserts what a crawler got for this page.
     *
     * @param publicOrigin the origin the crawler asked (the canonical must point there)
     */
    public void assertServed(int httpStatus, String html, String publicOrigin) {
        Document page = Jsoup.parse(html);
        assertThat(httpStatus).as("status of %s", path).isEqualTo(status);
        assertThat(page.title()).as("title of %s", path).isEqualTo(title);
        assertThat(page.body().text()).as("text of %s", path).contains(text);
        assertThat(page.select("meta[name=prerender-status-code]")).as("status meta removed").isEmpty();
        assertThat(page.select("script:not([type=application/ld+json])")).as("scripts stripped").isEmpty();
        if (status != 200) {
            return;
        }
        assertThat(page.selectFirst("meta[name=description]").attr("content")).as("description of %s", path)
                .isEqualTo(description);
        assertThat(page.selectFirst("link[rel=canonical]").attr("href")).as("canonical of %s", path)
                .isEqualTo(publicOrigin + path);
        assertThat(page.select("script[type=application/ld+json]").html()).as("JSON-LD of %s", path)
                .contains("\"@type\":\"" + jsonLdType + "\"");
    }
}
