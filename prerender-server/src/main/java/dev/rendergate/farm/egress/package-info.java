/**
 * The farm's egress path: every byte both render engines fetch goes through {@link dev.rendergate.farm.egress.EgressProxy},
 * a forward proxy on loopback that resolves each name once, checks every answer, connects to the checked address
 * only (no second lookup, so no DNS rebinding) and bounds each render's traffic in bytes, requests and time.
 */
package dev.rendergate.farm.egress;
