/**
 * What a crawler takes from a rendered page: {@link dev.rendergate.farm.seo.SeoFactsReader} reads the
 * {@link dev.rendergate.farm.seo.SeoFacts} (status, title, description, canonical, robots, hreflang, headings,
 * social cards, structured data, links, words) that the inspector shows and its checks judge;
 * {@link dev.rendergate.farm.seo.FactsComparison} says where two renders of one page differ in what a crawler
 * acts on, which is how {@code auto} tells whether HtmlUnit rendered a route as Chromium does. Pure functions of
 * the HTML.
 */
package dev.rendergate.farm.seo;
