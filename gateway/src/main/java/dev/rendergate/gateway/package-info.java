/**
 * The self-hosted edge: {@link dev.rendergate.gateway.Gateway} runs the edge-function logic on every
 * request in process, serves the SPA from a folder or an HTTP(S) origin, sends crawlers to the prerender farm and other
 * paths to their services. Configured by {@link dev.rendergate.gateway.GatewayConfig}.
 */
package dev.rendergate.gateway;
