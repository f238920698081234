'use strict';
// Lambda@Edge entry: handler serves both request triggers (dispatch on cf.config.eventType).
const edge = require('./rendergate-edge.js');

// One throw-away event at module load: building the configuration and the crawler classifier, and
// V8's first compile of the handler path, then happen in Lambda's init phase instead of on the first
// viewer's request. The handler is pure, so the result is discarded; a failure here only means the
// first real request pays that cost instead.
try {
  edge.handle('{"Records":[{"cf":{"config":{"eventType":"viewer-request"},"request":{"clientIp":"192.0.2.1",'
    + '"method":"GET","uri":"/","querystring":"","headers":{"user-agent":[{"key":"User-Agent",'
    + '"value":"Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"}]}}}}]}');
} catch (ignored) {
  // Nothing to do: see above.
}

exports.handler = async (event) => JSON.parse(edge.handle(JSON.stringify(event)));
exports.viewerRequest = async (event) => JSON.parse(edge.viewerRequest(JSON.stringify(event)));
exports.originRequest = async (event) => JSON.parse(edge.originRequest(JSON.stringify(event)));
