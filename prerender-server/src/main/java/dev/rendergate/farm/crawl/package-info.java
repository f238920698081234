/**
 * The crawl report: the gateway's JSON access log or CloudFront's standard log read line by line, requests counted
 * per crawler (the edge's classifier names them), day, page, status and cache result, people's page views by
 * browser, OS and device (ua-parser, cached per distinct User-Agent, off the request path). Memory stays bounded
 * whatever the log's size.
 */
package dev.rendergate.farm.crawl;
