package dev.rendergate.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The committed data files agree with each other: list, detail files, specialties and sitemap. */
class SiteDataTest {

    // The generator writes every summary as {"id":N,"slug":"...", ...} in this key order.
    private static final Pattern SUMMARY = Pattern.compile("\\{\"id\":(\\d+),\"slug\":\"([a-z0-9-]+)\"");
    private static final Pattern SPECIALTY_SLUG = Pattern.compile("\"slug\": \"([a-z0-9-]+)\"");
    private static final String ORIGIN = "http://localhost:8080";

    private static Path site;
    private static Map<Integer, String> slugsById;
    private static List<Integer> ids;
    private static String sitemap;

    @BeforeAll
    static void readData() throws IOException {
        site = SiteServer.siteRoot();
        Matcher matcher = SUMMARY.matcher(Files.readString(site.resolve("api/doctors.json")));
        slugsById = new LinkedHashMap<>();
        ids = new ArrayList<>();
        while (matcher.find()) {
            int id = Integer.parseInt(matcher.group(1));
            ids.add(id);
            slugsById.put(id, matcher.group(2));
        }
        sitemap = Files.readString(site.resolve("sitemap.xml"));
    }

    @Test
    void doctorList_hasAtLeast300DoctorsWithUniqueIds() {
        assertThat(ids).hasSizeGreaterThanOrEqualTo(300);
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
    }

    @Test
    void doctorList_countFieldMatchesRecords() throws IOException {
        String list = Files.readString(site.resolve("api/doctors.json"));
        assertThat(list).startsWith("{\"count\":" + ids.size() + ",");
    }

    @Test
    void doctor17_hasItsStableSlug() {
        assertThat(slugsById).containsEntry(17, "emma-schwarz");
        assertThat(sitemap).contains("<loc>" + ORIGIN + "/doctors/17-emma-schwarz</loc>");
    }

    @Test
    void everyDoctor_hasADetailFileWithTheSameIdAndSlug() throws IOException {
        for (Map.Entry<Integer, String> doctor : slugsById.entrySet()) {
            Path detail = site.resolve("api/doctors/" + doctor.getKey() + ".json");
            assertThat(detail).as("detail file of doctor %d", doctor.getKey()).isRegularFile();
            assertThat(Files.readString(detail))
                    .contains("\"id\": " + doctor.getKey() + ",")
                    .contains("\"slug\": \"" + doctor.getValue() + "\"")
                    .contains("\"specialtySchema\"", "\"address\"", "\"hours\"");
        }
    }

    @Test
    void sitemap_listsEveryDoctorOnce() {
        for (Map.Entry<Integer, String> doctor : slugsById.entrySet()) {
            String loc = "<loc>" + ORIGIN + "/doctors/" + doctor.getKey() + "-" + doctor.getValue() + "</loc>";
            assertThat(sitemap.split(Pattern.quote(loc), -1)).as(loc).hasSize(2);
        }
    }

    @Test
    void sitemap_listsHomeListAboutAndEverySpecialty() throws IOException {
        assertThat(sitemap).contains("<loc>" + ORIGIN + "/</loc>", "<loc>" + ORIGIN + "/doctors</loc>",
                "<loc>" + ORIGIN + "/about</loc>");
        Matcher matcher = SPECIALTY_SLUG.matcher(Files.readString(site.resolve("api/specialties.json")));
        Set<String> specialties = new HashSet<>();
        while (matcher.find()) {
            specialties.add(matcher.group(1));
            assertThat(sitemap).contains("<loc>" + ORIGIN + "/specialties/" + matcher.group(1) + "</loc>");
        }
        assertThat(specialties).hasSizeGreaterThanOrEqualTo(10);
        long urls = sitemap.lines().filter(line -> line.contains("<loc>")).count();
        assertThat(urls).isEqualTo(3 + specialties.size() + ids.size());
    }

    @Test
    void robots_allowsAllAndNamesTheSitemap() throws IOException {
        assertThat(Files.readString(site.resolve("robots.txt")))
                .contains("User-agent: *", "Allow: /", "Sitemap: /sitemap.xml")
                .doesNotContain("Disallow");
    }
}
