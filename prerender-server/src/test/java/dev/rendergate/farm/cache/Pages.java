package dev.rendergate.farm.cache;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** Snapshots and counting renderers for cache tests. */
final class Pages {

    static final Instant RENDERED_AT = Instant.parse("2026-01-01T00:00:00Z");

    private Pages() {
    }

    static Snapshot page(int status, String html) {
        return new Snapshot(status, Map.of("Content-Type", "text/html; charset=utf-8"), html, "htmlunit", 120,
                RENDERED_AT);
    }

    static Snapshot ok(String html) {
        return page(200, html);
    }

    /** A ~{@code bytes} HTML page that looks like a rendered listing. */
    static String html(int bytes, String marker) {
        StringBuilder out = new StringBuilder(bytes + 256)
                .append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(marker).append("</title></head><body><main>");
        for (int i = 0; out.length() < bytes; i++) {
            out.append("<article class=\"doctor-card\" data-id=\"").append(i).append("\"><h2>Dr. ")
                    .append(marker).append(' ').append(i * 7919 % 1000)
                    .append("</h2><p>Cardiology · Springfield · Accepting new patients since ")
                    .append(1990 + i % 30).append("</p><a href=\"/doctors/").append(i).append("-dr\">Profile</a></article>");
        }
        return out.append("</main></body></html>").toString();
    }

    /** A renderer that counts its calls and answers {@code snapshot}. */
    static final class Counting implements Function<CacheKey, Snapshot> {
        final AtomicInteger calls = new AtomicInteger();
        private final Function<CacheKey, Snapshot> answer;

        Counting(Function<CacheKey, Snapshot> answer) {
            this.answer = answer;
        }

        static Counting of(Snapshot snapshot) {
            return new Counting(key -> snapshot);
        }

        @Override
        public Snapshot apply(CacheKey key) {
            calls.incrementAndGet();
            return answer.apply(key);
        }
    }
}
