/**
 * Tests for the sample single-page app in {@code static-site/site}: its generated data files are
 * complete and consistent, its script stays within the ES5 subset both render engines run, and every
 * route renders in a real headless engine (HtmlUnit) with the right head tags and prerender signals.
 */
package dev.rendergate.site;
