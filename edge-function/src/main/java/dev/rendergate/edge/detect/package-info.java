/**
 * Crawler detection: tells people from search, social, AI and tool crawlers by their User-Agent.
 *
 * <p>{@link dev.rendergate.edge.detect.CrawlerClassifier} is the facade. The rules are plain data
 * ({@link dev.rendergate.edge.detect.CrawlerRule}) shared by the JVM and the JavaScript build; the only
 * engine-specific piece is the {@link dev.rendergate.edge.detect.UaMatcherFactory} that compiles the few
 * precise patterns. A single keyword pass (an Aho-Corasick automaton that folds ASCII case) finds the
 * candidate rules, so a typical browser is rejected without running any regular expression.
 */
package dev.rendergate.edge.detect;
