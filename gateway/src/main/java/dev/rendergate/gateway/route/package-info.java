/**
 * Which origin answers a request: {@code /healthz}, short links, configured service routes, the
 * site's {@code /api/}, and for everything else the edge decision (the same viewer-request and
 * origin-request logic that runs in CloudFront) between the prerender farm and the site (a folder or
 * an HTTP origin). Short links come from a mapping file or a Redis hash.
 */
package dev.rendergate.gateway.route;
