/**
 * The SEO facts of a rendered page ({@link dev.rendergate.farm.inspect.seo.SeoFactsReader}) and the checks that
 * turn them into problems with a plain explanation and a fix ({@link dev.rendergate.farm.inspect.seo.SeoChecks}):
 * pure functions of the HTML, shared by the inspector and the {@code audit} command.
 */
package dev.rendergate.farm.inspect.seo;
