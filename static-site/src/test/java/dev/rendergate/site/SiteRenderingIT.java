package dev.rendergate.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.htmlunit.BrowserVersion;
import org.htmlunit.ScriptException;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.javascript.JavaScriptErrorListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every route of the sample site rendered in HtmlUnit, the engine the prerender farm uses: content,
 * head tags, JSON-LD, the prerender status signals, client-side navigation, and no script errors.
 */
class SiteRenderingIT {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);
    private static final String DOCTOR_17 = "/doctors/17-emma-schwarz";

    private static final String BROKEN_DOCTOR_API = "/api/doctors/5.json";

    private static SiteServer server;
    private final List<String> scriptErrors = new CopyOnWriteArrayList<>();
    private WebClient browser;

    @BeforeAll
    static void startServer() throws IOException {
        server = SiteServer.start(SiteServer.siteRoot(), Set.of(BROKEN_DOCTOR_API));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void openBrowser() {
        browser = new WebClient(BrowserVersion.CHROME);
        browser.getOptions().setCssEnabled(false);
        browser.getOptions().setThrowExceptionOnScriptError(false);
        browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
        browser.getOptions().setTimeout(5_000);
        browser.setJavaScriptErrorListener(new ErrorCollector());
    }

    @AfterEach
    void closeBrowserWithoutScriptErrors() {
        browser.close();
        assertThat(scriptErrors).as("JavaScript errors").isEmpty();
    }

    @Test
    void doctorDetail_rendersNameHeadTagsAndPhysicianJsonLd() throws IOException {
        HtmlPage page = open(DOCTOR_17);

        assertThat(page.getBody().asNormalizedText())
                .contains("Dr. Emma Schwarz", "Dermatologist", "Javastraat 132", "Opening hours", "Book an appointment")
                .doesNotContain("Loading");
        assertThat(page.getTitleText()).isEqualTo("Dr. Emma Schwarz, Dermatologist in Amsterdam | MedBook");
        assertThat(meta(page, "name", "description")).startsWith("Dr. Emma Schwarz is a dermatologist at ");
        assertThat(canonical(page)).isEqualTo(server.uri(DOCTOR_17).toString());
        assertThat(meta(page, "property", "og:url")).isEqualTo(canonical(page));
        assertThat(meta(page, "property", "og:type")).isEqualTo("profile");
        assertThat(meta(page, "property", "og:title")).isEqualTo(page.getTitleText());
        assertThat(meta(page, "property", "og:image")).isEqualTo(server.uri("/images/og-default.png").toString());
        assertThat(meta(page, "name", "twitter:card")).isEqualTo("summary_large_image");
        assertThat(page.<DomNode>querySelector("meta[name='prerender-status-code']")).isNull();
        assertThat(jsonLd(page)).contains("\"@type\":\"Physician\"", "\"name\":\"Dr. Emma Schwarz\"",
                "\"medicalSpecialty\":\"https://schema.org/Dermatology\"", "\"@type\":\"PostalAddress\"",
                "\"@type\":\"AggregateRating\"", "\"ratingValue\":3.8", "\"@type\":\"BreadcrumbList\"");
    }

    @Test
    void home_rendersSearchFeaturedDoctorsAndOrganization() throws IOException {
        HtmlPage page = open("/");

        assertThat(page.getBody().asNormalizedText()).contains("Find a doctor and book online", "Top rated doctors",
                "Browse by specialty", "Cardiology");
        assertThat(page.querySelectorAll(".doctor-card")).hasSize(6);
        assertThat(canonical(page)).isEqualTo(server.uri("/").toString());
        assertThat(jsonLd(page)).contains("\"@type\":\"MedicalOrganization\"", "\"@type\":\"WebSite\"");
    }

    @Test
    void doctorList_filtersBySpecialtyAndCity() throws IOException {
        long expected = countInList("\"specialty\":\"cardiology\",\"city\":\"berlin\"");
        HtmlPage page = open("/doctors?specialty=cardiology&city=berlin");

        assertThat(expected).isPositive();
        assertThat(page.querySelectorAll(".doctor-card")).hasSize((int) expected);
        assertThat(page.getBody().asNormalizedText()).contains("Cardiology doctors in Berlin", expected + " doctors");
        assertThat(page.getTitleText()).isEqualTo("Cardiology doctors in Berlin | MedBook");
        assertThat(canonical(page)).isEqualTo(server.uri("/doctors?specialty=cardiology&city=berlin").toString());
        assertThat(jsonLd(page)).contains("\"@type\":\"BreadcrumbList\"");
    }

    @Test
    void doctorList_paginatesTwentyPerPageWithRealLinks() throws IOException {
        HtmlPage page = open("/doctors?page=2");

        assertThat(page.querySelectorAll(".doctor-card")).hasSize(20);
        assertThat(page.getBody().asNormalizedText()).contains("page 2 of 16", "Dr. Lea Schmidt").doesNotContain("Dr. Emma Schwarz");
        assertThat(canonical(page)).isEqualTo(server.uri("/doctors?page=2").toString());
        assertThat(page.<DomElement>querySelector("a[rel='prev']").getAttribute("href")).isEqualTo("/doctors");
        HtmlAnchor next = page.querySelector("a[rel='next']");
        assertThat(next.getAttribute("href")).isEqualTo("/doctors?page=3");

        next.click();
        awaitReady(page);
        assertThat(page.getUrl().toString()).isEqualTo(server.uri("/doctors?page=3").toString());
        assertThat(page.getTitleText()).isEqualTo("Doctors, page 3 | MedBook");
        assertThat(page.getBody().asNormalizedText()).contains("page 3 of 16");
    }

    @Test
    void doctorList_pageBeyondTheLast_isNotFound() throws IOException {
        HtmlPage page = open("/doctors?page=99");

        assertThat(meta(page, "name", "prerender-status-code")).isEqualTo("404");
    }

    @Test
    void searchForm_navigatesClientSideToTheFilteredList() throws IOException {
        HtmlPage page = open("/");
        HtmlForm form = page.querySelector("form.search-form");
        form.getInputByName("q").setValue("Schwarz");
        form.getSelectByName("city").setSelectedAttribute("amsterdam", true);

        form.<DomElement>querySelector("button[type='submit']").click();
        awaitReady(page);

        assertThat(page.getUrl().toString()).isEqualTo(server.uri("/doctors?q=Schwarz&city=amsterdam").toString());
        assertThat(page.getBody().asNormalizedText()).contains("Dr. Emma Schwarz");
        assertThat(meta(page, "name", "robots")).isEqualTo("noindex, follow");
    }

    @Test
    void specialtyPage_listsItsDoctorsAndCities() throws IOException {
        HtmlPage page = open("/specialties/dermatology");

        assertThat(page.querySelectorAll(".doctor-card")).hasSize((int) countInList("\"specialty\":\"dermatology\""));
        assertThat(page.getBody().asNormalizedText()).contains("Dermatology", "Dr. Emma Schwarz", "Amsterdam");
        assertThat(page.getTitleText()).startsWith("Dermatology: ");
        assertThat(canonical(page)).isEqualTo(server.uri("/specialties/dermatology").toString());
    }

    @Test
    void aboutPage_rendersOrganization() throws IOException {
        HtmlPage page = open("/about");

        assertThat(page.getTitleText()).isEqualTo("About MedBook");
        assertThat(jsonLd(page)).contains("\"@type\":\"MedicalOrganization\"");
    }

    @Test
    void unknownRouteAndUnknownDoctor_areNotFoundWith404Meta() throws IOException {
        for (String path : List.of("/no/such/page", "/doctors/99999-nobody", "/specialties/astrology")) {
            HtmlPage page = open(path);

            assertThat(meta(page, "name", "prerender-status-code")).as(path).isEqualTo("404");
            assertThat(page.getBody().asNormalizedText()).as(path).contains("Page not found");
            assertThat(meta(page, "name", "robots")).as(path).isEqualTo("noindex");
        }
    }

    @Test
    void oldDoctorUrl_is301ToTheNewUrlAndShowsTheDoctor() throws IOException {
        HtmlPage page = open("/doctor/17");

        assertThat(meta(page, "name", "prerender-status-code")).isEqualTo("301");
        assertThat(meta(page, "name", "prerender-header")).isEqualTo("Location: " + server.uri(DOCTOR_17));
        assertThat(page.getUrl().toString()).isEqualTo(server.uri(DOCTOR_17).toString());
        assertThat(page.getBody().asNormalizedText()).contains("Dr. Emma Schwarz");
    }

    @Test
    void doctorUrlWithAWrongSlug_is301ToTheCanonicalSlug() throws IOException {
        HtmlPage page = open("/doctors/17-someone-else");

        assertThat(meta(page, "name", "prerender-status-code")).isEqualTo("301");
        assertThat(meta(page, "name", "prerender-header")).isEqualTo("Location: " + server.uri(DOCTOR_17));
    }

    @Test
    void trailingSlashAndMissingSlug_are301ToTheCanonicalForm() throws IOException {
        HtmlPage list = open("/doctors/?city=berlin");
        assertThat(meta(list, "name", "prerender-status-code")).isEqualTo("301");
        assertThat(meta(list, "name", "prerender-header")).isEqualTo("Location: " + server.uri("/doctors?city=berlin"));
        assertThat(list.getTitleText()).isEqualTo("Doctors in Berlin | MedBook");

        HtmlPage doctor = open("/doctors/17");
        assertThat(meta(doctor, "name", "prerender-header")).isEqualTo("Location: " + server.uri(DOCTOR_17));
    }

    @Test
    void apiFailure_showsTheErrorPageWith503Meta() throws IOException {
        HtmlPage page = open("/doctors/5-any-name");

        assertThat(meta(page, "name", "prerender-status-code")).isEqualTo("503");
        assertThat(page.getBody().asNormalizedText()).contains("Something went wrong");
    }

    @Test
    void bookingButton_opensTheRequestFormAndConfirms() throws IOException {
        HtmlPage page = open(DOCTOR_17);
        DomElement panel = page.getElementById("booking");
        assertThat(panel.hasAttribute("hidden")).isTrue();

        page.<DomElement>querySelector("[data-action='book']").click();
        assertThat(panel.hasAttribute("hidden")).isFalse();
        HtmlForm form = page.querySelector("form[data-booking]");
        form.getInputByName("patient").setValue("Alex Example");
        form.<DomElement>querySelector("button[type='submit']").click();

        assertThat(page.getElementById("booking").asNormalizedText()).contains("Request sent", "Thank you, Alex Example");
        assertThat(page.getUrl().getPath()).isEqualTo(DOCTOR_17);
    }

    @Test
    void linkClicksAndBack_routeClientSideAndResetTheStatusMeta() throws IOException {
        HtmlPage page = open("/no/such/page");
        assertThat(meta(page, "name", "prerender-status-code")).isEqualTo("404");

        page.<HtmlAnchor>querySelector("a.button[href='/doctors']").click();
        awaitReady(page);
        assertThat(browser.getCurrentWindow().getEnclosedPage()).isSameAs(page);
        assertThat(page.getUrl().getPath()).isEqualTo("/doctors");
        assertThat(page.<DomNode>querySelector("meta[name='prerender-status-code']")).isNull();

        page.executeJavaScript("history.back()");
        awaitReady(page);
        assertThat(page.getUrl().getPath()).isEqualTo("/no/such/page");
        assertThat(meta(page, "name", "prerender-status-code")).isEqualTo("404");
    }

    private HtmlPage open(String pathAndQuery) throws IOException {
        HtmlPage page = browser.getPage(server.uri(pathAndQuery).toURL());
        return awaitReady(page);
    }

    /** Waits for the app's ready flag with a deadline, letting HtmlUnit run its pending jobs meanwhile. */
    private HtmlPage awaitReady(HtmlPage page) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!Boolean.TRUE.equals(page.executeJavaScript("window.prerenderReady === true").getJavaScriptResult())) {
            assertThat(System.nanoTime()).as("prerenderReady on %s within %s", page.getUrl(), READY_TIMEOUT)
                    .isLessThan(deadline);
            browser.waitForBackgroundJavaScript(50);
        }
        return page;
    }

    private static String meta(HtmlPage page, String attribute, String key) {
        DomElement element = page.querySelector("meta[" + attribute + "='" + key + "']");
        assertThat(element).as("meta %s=%s", attribute, key).isNotNull();
        return element.getAttribute("content");
    }

    private static String canonical(HtmlPage page) {
        return page.<DomElement>querySelector("link[rel='canonical']").getAttribute("href");
    }

    private static String jsonLd(HtmlPage page) {
        List<DomNode> scripts = page.querySelectorAll("script[type='application/ld+json']");
        assertThat(scripts).hasSize(1);
        String json = scripts.get(0).getTextContent().strip();
        assertThat(json).startsWith("{\"@context\":\"https://schema.org\"").endsWith("}");
        assertThat(json.chars().filter(c -> c == '{').count()).isEqualTo(json.chars().filter(c -> c == '}').count());
        return json;
    }

    private static long countInList(String fragment) throws IOException {
        String list = Files.readString(SiteServer.siteRoot().resolve("api/doctors.json"));
        return Pattern.compile(Pattern.quote(fragment)).matcher(list).results().count();
    }

    /** Records every script failure so the test can fail on it after the page is checked. */
    private final class ErrorCollector implements JavaScriptErrorListener {
        @Override
        public void scriptException(HtmlPage page, ScriptException exception) {
            scriptErrors.add(page.getUrl() + ": " + exception.getMessage());
        }

        @Override
        public void timeoutError(HtmlPage page, long allowedTime, long executionTime) {
            scriptErrors.add(page.getUrl() + ": script timeout after " + executionTime + " ms");
        }

        @Override
        public void malformedScriptURL(HtmlPage page, String url, MalformedURLException exception) {
            scriptErrors.add(page.getUrl() + ": malformed script URL " + url);
        }

        @Override
        public void loadScriptError(HtmlPage page, URL scriptUrl, Exception exception) {
            scriptErrors.add(page.getUrl() + ": cannot load " + scriptUrl + ": " + exception.getMessage());
        }

        @Override
        public void warn(String message, String sourceName, int line, String lineSource, int lineOffset) {
            // Engine warnings (deprecated APIs and the like) are not failures.
        }
    }
}
