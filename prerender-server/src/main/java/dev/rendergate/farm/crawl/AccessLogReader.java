package dev.rendergate.farm.crawl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/** Streams access log files (plain or {@code .gz}) line by line into a {@link CrawlTally}; memory stays flat. */
public final class AccessLogReader {
    private long lines;
    private long skipped;

    /** Reads {@code file} into {@code tally}. */
    public void read(Path file, CrawlTally tally) throws IOException {
        AccessLogLines parser = new AccessLogLines();
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 64 * 1024) : raw;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 256 * 1024)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines++;
                Optional<AccessRecord> record = parser.parse(line);
                if (record.isPresent()) {
                    tally.add(record.get());
                } else {
                    skipped++;
                }
            }
        }
    }

    public long lines() {
        return lines;
    }

    public long skipped() {
        return skipped;
    }
}
