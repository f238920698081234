/**
 * The farm's SSRF guard: which URLs may be rendered ({@link dev.rendergate.farm.guard.UrlGuard}), which
 * subrequests a page may make ({@link dev.rendergate.farm.guard.SubrequestPolicy}), and how a resolved
 * address is classified ({@link dev.rendergate.farm.guard.AddressClass}). Addresses are checked after DNS
 * resolution, so a public name that points at a private address is still refused.
 */
package dev.rendergate.farm.guard;
