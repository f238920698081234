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
 * the inspector can show the crawl report of the traffic this process saw without a log file.
 */
final class RecentAccess extends AppenderBase<ILoggingEvent> implements CrawlReportSource {
  static final int KEPT = 50_000;

  private final ArrayDeque<AccessRecord> records = new ArrayDeque<>();
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
    AccessLogLines.fromFields(Instant.ofEpochMilli(event.getTimeStamp()).toString(), fields).ifPresent(r -> {
      synchronized (records) {
        if (records.size() >= KEPT) {
          records.removeFirst();
        }
        records.addLast(r);
      }
    });
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
