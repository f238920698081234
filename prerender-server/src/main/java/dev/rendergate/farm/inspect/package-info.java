/**
 * The SEO inspector, for the people who check what crawlers get: {@link dev.rendergate.farm.inspect.SnapshotIndex}
 * keeps, for every page and device this node rendered, the latest and the previous render with their SEO facts and
 * problems; {@link dev.rendergate.farm.inspect.InspectorRoutes} serves the page under {@code /inspect} (plain
 * HTML, CSS and JavaScript from the classpath) and its JSON API, behind the farm's token (a signed session cookie
 * for browsers, {@code X-Prerender-Token} for scripts).
 */
package dev.rendergate.farm.inspect;
