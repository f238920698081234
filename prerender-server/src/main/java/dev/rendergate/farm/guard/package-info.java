/**
 * The farm's SSRF guard: which URLs may be rendered ({@link dev.rendergate.farm.guard.UrlGuard}), which
 * subrequests a page may make ({@link dev.rendergate.farm.guard.SubrequestPolicy}), and how a resolved
 * address is classified ({@link dev.rendergate.farm.guard.AddressClass}). Addresses are checked after DNS
 * resolution, so a public name that points at a private address is still refused; the egress proxy
 * ({@link dev.rendergate.farm.egress.EgressProxy}) applies the same rules when it connects, to the address it checked.
 */
package dev.rendergate.farm.guard;
