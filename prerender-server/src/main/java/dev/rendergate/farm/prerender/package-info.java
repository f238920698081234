/**
 * Rendering for crawlers without HTTP: {@link dev.rendergate.farm.prerender.Prerenderer} takes a URL and a device
 * through the URL guard, the snapshot cache and the engines, and answers a
 * {@link dev.rendergate.farm.prerender.RenderResult}. Every route of the farm and the {@code render} command use it;
 * the node's wiring ({@code dev.rendergate.farm.Farm}) creates it, so no route depends on the node.
 */
package dev.rendergate.farm.prerender;
