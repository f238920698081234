/**
 * Crawler verification in the gateway, where DNS is available: forward-confirmed reverse DNS
 * ({@link dev.rendergate.gateway.crawler.ReverseDnsCheck}) for crawlers whose operators document a host
 * name suffix instead of (or besides) address ranges, combined with the edge's published ranges
 * ({@link dev.rendergate.gateway.crawler.GatewayCrawlerCheck}).
 */
package dev.rendergate.gateway.crawler;
