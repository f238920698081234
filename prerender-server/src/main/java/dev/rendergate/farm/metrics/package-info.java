/** The farm's Prometheus metrics: one {@link dev.rendergate.farm.metrics.FarmMetrics} per node, shared by every part. */
package dev.rendergate.farm.metrics;
