/**
 * The farm's HTTP API on Undertow, prerender.io compatible: {@code GET /render?url=}, {@code GET /<absolute-url>},
 * {@code X-Prerender-Token}, plus {@code /health}, {@code /ready} and {@code /metrics}. A fresh cache hit is
 * answered on the IO thread it arrived on (it never blocks); misses, stale revalidation and renders run on worker
 * threads, never on IO threads; every failure is mapped to a status and {@code X-Rendergate-Reason} in
 * {@link dev.rendergate.farm.http.FailureResponses}. Other route groups (freshness, inspector) plug in as
 * {@link dev.rendergate.farm.http.FarmRoute}s; every JSON body goes through {@link dev.rendergate.farm.http.FarmJson}
 * (Jackson).
 */
package dev.rendergate.farm.http;
