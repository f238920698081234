/**
 * The checks that turn a page's {@link dev.rendergate.farm.seo.SeoFacts} into problems with a plain explanation and
 * a fix ({@link dev.rendergate.farm.inspect.seo.SeoChecks}): pure functions shared by the inspector and the
 * {@code audit} command.
 */
package dev.rendergate.farm.inspect.seo;
