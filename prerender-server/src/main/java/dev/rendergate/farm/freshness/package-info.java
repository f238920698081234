/**
 * Keeping snapshots fresh: the token-protected {@code POST /recache}, {@code DELETE /cache} and
 * {@code GET /cache/status} endpoints of a farm node ({@link dev.rendergate.farm.freshness.FreshnessRoutes}),
 * the XXE-safe sitemap reader and the warmer that renders a sitemap through a farm with bounded
 * concurrency ({@link dev.rendergate.farm.freshness.SitemapReader},
 * {@link dev.rendergate.farm.freshness.Warmer}), the cron-scheduled re-warm that runs on one node at a time
 * ({@link dev.rendergate.farm.freshness.RewarmScheduler}), and the CloudFront invalidation client of the
 * deploy hook ({@link dev.rendergate.farm.freshness.CloudFrontInvalidations}). Nothing here is on the
 * render path: the AWS SDK is loaded only when an invalidation is made.
 */
package dev.rendergate.farm.freshness;
