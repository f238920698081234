/**
 * Logging for the gateway: the access log (one line per request on logger {@code rendergate.access},
 * with the fields as SLF4J key-value pairs) and a Logback encoder that writes every event as one JSON
 * object per line ({@code ts}, {@code level}, {@code logger}, {@code msg}, then the key-value fields).
 */
package dev.rendergate.gateway.log;
