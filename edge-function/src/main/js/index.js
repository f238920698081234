'use strict';
// Lambda@Edge entry. `handler` serves both request triggers (it dispatches on cf.config.eventType);
// viewerRequest and originRequest serve one each. They take the event object Lambda passes in and
// return the request object for CloudFront, without turning either into JSON text.
const edge = require('./rendergate-edge.js');

// One throw-away event at module load: building the configuration and the crawler classifier, and
// V8's first compile of the handler path, then happen in Lambda's init phase instead of on the first
// viewer's request. The handler is pure, so the result is discarded; a failure here only means the
// first real request pays that cost instead.
try {
  edge.handle({ Records: [{ cf: { config: { eventType: 'viewer-request' }, request: {
    clientIp: '192.0.2.1', method: 'GET', uri: '/', querystring: '', headers: { 'user-agent': [{ key: 'User-Agent',
      value: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' }] } } } }] });
} catch (ignored) {
  // Nothing to do: see above.
}

exports.handler = async (event) => edge.handle(event);
exports.viewerRequest = async (event) => edge.viewerRequest(event);
exports.originRequest = async (event) => edge.originRequest(event);
