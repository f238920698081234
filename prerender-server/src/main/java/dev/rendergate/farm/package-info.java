/**
 * The prerender farm node: {@link dev.rendergate.farm.Farm} wires the guard, the engine pool, the snapshot
 * cache and the HTTP API from one {@link dev.rendergate.farm.FarmConfig}, and renders without HTTP for the CLI.
 */
package dev.rendergate.farm;
