/**
 * The prerender farm node: {@link dev.rendergate.farm.Farm} wires the guard, the engine pool, the snapshot
 * cache, the routes and the HTTP API from one {@link dev.rendergate.farm.FarmConfig}. The routes depend on the
 * {@link dev.rendergate.farm.prerender.Prerenderer} it makes, never on the node itself.
 */
package dev.rendergate.farm;
