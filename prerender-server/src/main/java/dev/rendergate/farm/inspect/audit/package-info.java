/**
 * The {@code audit} command's engine: every page of a sitemap fetched through a farm as crawlers get it and checked
 * like a snapshot in the inspector, a few at a time; the report is printed as tables and written as CSV and JSON.
 */
package dev.rendergate.farm.inspect.audit;
