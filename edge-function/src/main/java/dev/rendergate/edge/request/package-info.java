/**
 * The CloudFront request as immutable records, and the pure edge logic over it.
 *
 * <p>{@link dev.rendergate.edge.request.ViewerRequestLogic} runs on every viewer request: it strips
 * spoofed {@code x-rendergate-*} headers, lets assets and non-page methods pass, marks crawlers of a
 * prerendered class with the marker headers that the cache policy keys on, and rewrites human SPA deep
 * links to the shell. {@link dev.rendergate.edge.request.OriginRequestLogic} runs on cache misses and
 * sends marked requests to the prerender farm. Both are pure functions without I/O, shared by the
 * Lambda handlers, the TeaVM-compiled Lambda@Edge bundle and the self-hosted gateway.
 */
package dev.rendergate.edge.request;
