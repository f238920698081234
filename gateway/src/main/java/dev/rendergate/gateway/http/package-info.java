/**
 * The HTTP exchange shared by every route: one {@link dev.rendergate.gateway.http.Exchange} per request
 * carries the channel, the request, keep-alive, and what the access log needs, and reports completion
 * once the last byte of the response is written.
 */
package dev.rendergate.gateway.http;
