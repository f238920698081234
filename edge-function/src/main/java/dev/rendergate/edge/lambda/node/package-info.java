/**
 * The Lambda@Edge (Node.js) build: the module class TeaVM compiles to JavaScript, and the bridge that
 * lets the classifier's patterns run on V8's {@code RegExp}.
 *
 * <p>Only the TeaVM build uses this package; the JVM handlers never load it.
 */
package dev.rendergate.edge.lambda.node;
