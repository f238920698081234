/**
 * Limits on what one client may cost the farm. Anyone can send a crawler's User-Agent, and every URL the
 * cache does not hold is a full render, so renders of cache misses are rationed per client address with a
 * token bucket ({@link dev.rendergate.farm.limit.MissRateLimit}); cache hits are never limited. The address is
 * the one the edge or the gateway saw ({@link dev.rendergate.farm.limit.ClientAddress}), IPv6 grouped by /64.
 */
package dev.rendergate.farm.limit;
