/**
 * The CloudFront Lambda handlers: thin adapters from the Lambda@Edge event JSON to the pure request
 * logic and back.
 *
 * <p>{@link dev.rendergate.edge.lambda.RequestEventFunction} is the whole translation as a pure
 * {@code String -> String} function with deterministic output (object keys sorted, ASCII-only text), so
 * the JVM handlers ({@link dev.rendergate.edge.lambda.ViewerRequestHandler},
 * {@link dev.rendergate.edge.lambda.OriginRequestHandler}) and the TeaVM-compiled Node.js bundle can be
 * compared byte for byte. The JSON reader and writer are our own and small because the JS build cannot
 * carry reflection-based mappers.
 */
package dev.rendergate.edge.lambda;
