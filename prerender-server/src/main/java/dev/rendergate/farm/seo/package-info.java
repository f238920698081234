/**
 * What a crawler takes from a rendered page: {@link dev.rendergate.farm.seo.SeoFacts} reads status, title,
 * description, canonical, robots, headings, social cards, structured data, links and visible text from a snapshot;
 * {@link dev.rendergate.farm.seo.FactsComparison} says where two renders of one page differ in those facts.
 */
package dev.rendergate.farm.seo;
