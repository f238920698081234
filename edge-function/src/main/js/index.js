'use strict';
// Lambda@Edge entry: handler serves both request triggers (dispatch on cf.config.eventType).
const edge = require('./rendergate-edge.js');
exports.handler = async (event) => JSON.parse(edge.handle(JSON.stringify(event)));
exports.viewerRequest = async (event) => JSON.parse(edge.viewerRequest(JSON.stringify(event)));
exports.originRequest = async (event) => JSON.parse(edge.originRequest(JSON.stringify(event)));
