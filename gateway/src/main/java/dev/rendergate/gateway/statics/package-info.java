/**
 * The SPA's files: {@link dev.rendergate.gateway.statics.Site} is what the router asks for them, and
 * {@link dev.rendergate.gateway.statics.StaticSite} serves the site folder the way a good static server does: paths resolved so that nothing outside
 * the document root can be reached, validators (ETag, Last-Modified) and 304s, single byte ranges,
 * gzip and precompressed brotli/gzip, cache headers by kind of file, and small files held in memory.
 */
package dev.rendergate.gateway.statics;
