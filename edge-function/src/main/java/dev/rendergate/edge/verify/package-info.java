/**
 * Crawler verification: whether a request that claims to be a crawler by its User-Agent comes from that
 * crawler's operator. Google and Bing publish the address ranges their crawlers use; those lists are
 * stored in the repository, compiled into {@link dev.rendergate.edge.verify.PublishedRanges} at build
 * time and checked here against the viewer's address as CloudFront or the socket gives it, never a
 * client header. Crawlers verified by forward-confirmed reverse DNS instead are checked where DNS is
 * available (the gateway). {@link dev.rendergate.edge.verify.CrawlerVerification} applies the
 * configured {@link dev.rendergate.edge.verify.VerificationMode}. Everything here compiles with TeaVM:
 * addresses are parsed by hand, without {@code java.net}.
 */
package dev.rendergate.edge.verify;
