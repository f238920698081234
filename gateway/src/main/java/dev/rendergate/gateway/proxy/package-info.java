/**
 * Forwarding to upstream HTTP services: the prerender farm for crawlers, the site's HTTP origin
 * ({@code --origin}) and the configured {@code --route} services. One pooled keep-alive client per upstream, bounded connect and response
 * timeouts, responses streamed back chunk by chunk with back-pressure, and failures reported to the
 * caller (which decides the fallback) rather than shown to the viewer raw.
 */
package dev.rendergate.gateway.proxy;
