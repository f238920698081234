/**
 * The {@code auto} engine: Chromium is the reference renderer and HtmlUnit must earn each route. What each site and
 * route template ({@code /doctors/{id}}) needs is learned off the request path: while a route is learned, Chromium
 * answers and HtmlUnit renders the same page in the background; HtmlUnit answers alone only after its SEO facts
 * agreed with Chromium's several times in a row and it was faster, and a sample of its renders is checked again.
 * The knowledge is kept per node and, with Redis, shared by all nodes.
 */
package dev.rendergate.farm.render.auto;
