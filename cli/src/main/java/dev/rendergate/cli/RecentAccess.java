package dev.rendergate.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.rendergate.farm.crawl.AccessRecord;
import dev.rendergate.farm.crawl.AccessLogLines;
import dev.rendergate.farm.crawl.CrawlReport;
import dev.rendergate.farm.crawl.CrawlTally;
import dev.rendergate.farm.crawl.PeopleAgents;
import dev.rendergate.farm.inspect.CrawlReportSource;
import dev.rendergate.gateway.log.AccessLog;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

/**
 * The gateway's recent requests inside {@code up}, kept from its access log events (the last {@value #KEPT}), so
 * the inspector can show the crawl report of the traffic this process saw without a log file. Bounded in bytes too:
 * a path or User-Agent is kept to its first {@value #MAX_FIELD} characters and all of them together to
 * {@value #KEPT_CHARS} characters, so clients sending 8 KB paths and 16 KB User-Agents cannot make this hold a
 * gigabyte (50,000 such requests would have, before). Repeated text is held once ({@link SharedText}): a record is then
 * about 80 bytes instead of about 300, so the heap of a long-running {@code up} is flat long before the buffer is full.
 */
final class RecentAccess extends AppenderBase<ILoggingEvent> implements CrawlReportSource {
  static final int KEPT = 50_000;
  /** The characters of the kept paths and User-Agents together, at most (about 16 MB). */
  static final long KEPT_CHARS = 16L * 1024 * 1024;
  /** A longer path or User-Agent is kept to this many characters: no real one is longer. */
  static final int MAX_FIELD = 1024;
  /** Distinct strings held for sharing, at most (a real site's User-Agents and paths fit many times over). */
  static final int SHARED_STRINGS = 8192;

  private final ArrayDeque<AccessRecord> records = new ArrayDeque<>();
  private final SharedText shared = new SharedText(SHARED_STRINGS);
  private LocalDate lastDay;
  private long keptChars;
  private PeopleAgents people;

  /** Starts keeping the access log's events; {@link #detach()} stops. */
  static RecentAccess attach() {
    RecentAccess recent = new RecentAccess();
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      recent.setContext(context);
      recent.setName("recent-access");
      recent.start();
      context.getLogger(AccessLog.LOGGER).addAppender(recent);
    }
    return recent;
  }

  void detach() {
    if (getContext() instanceof LoggerContext context) {
      Logger logger = context.getLogger(AccessLog.LOGGER);
      logger.detachAppender(this);
    }
    stop();
  }

  @Override
  protected void append(ILoggingEvent event) {
    Map<String, Object> fields = new HashMap<>();
    List<KeyValuePair> pairs = event.getKeyValuePairs();
    if (pairs != null) {
      pairs.forEach(p -> fields.put(p.key, p.value));
    }
    AccessLogLines.fromFields(Instant.ofEpochMilli(event.getTimeStamp()).toString(), fields)
        .map(RecentAccess::bounded).ifPresent(this::keep);
  }

  private void keep(AccessRecord fresh) {
    synchronized (records) {
      AccessRecord record = compact(fresh);
      while (!records.isEmpty() && (records.size() >= KEPT || keptChars + chars(record) > KEPT_CHARS)) {
        keptChars -= chars(records.removeFirst());
      }
      records.addLast(record);
      keptChars += chars(record);
    }
  }

  /** How many records are kept and the characters of their paths and User-Agents, for tests. */
  long[] kept() {
    synchronized (records) {
      return new long[] {records.size(), keptChars};
    }
  }

  /** The record with its day and text shared with the records before it. */
  private AccessRecord compact(AccessRecord r) {
    LocalDate day = r.day().equals(lastDay) ? lastDay : r.day();
    lastDay = day;
    return new AccessRecord(day, shared.share(r.method()), shared.share(r.path()), r.status(),
        shared.share(r.userAgent()), shared.share(r.cache()), r.renderMs());
  }

  /** The record kept last, for tests. */
  AccessRecord newest() {
    synchronized (records) {
      return records.peekLast();
    }
  }

  private static AccessRecord bounded(AccessRecord r) {
    if (r.path().length() <= MAX_FIELD && r.userAgent().length() <= MAX_FIELD) {
      return r;
    }
    return new AccessRecord(r.day(), r.method(), cut(r.path()), r.status(), cut(r.userAgent()), r.cache(),
        r.renderMs());
  }

  private static String cut(String text) {
    return text.length() <= MAX_FIELD ? text : text.substring(0, MAX_FIELD);
  }

  private static long chars(AccessRecord r) {
    return r.path().length() + r.userAgent().length();
  }

  @Override
  public Optional<CrawlReport> report() {
    List<AccessRecord> copy;
    synchronized (records) {
      copy = new ArrayList<>(records);
    }
    CrawlTally tally = new CrawlTally(people());
    copy.forEach(tally::add);
    return Optional.of(CrawlReport.of(tally, copy.size(), 0, Set.of()));
  }

  private synchronized PeopleAgents people() {
    if (people == null) {
      people = new PeopleAgents();
    }
    return people;
  }
}
