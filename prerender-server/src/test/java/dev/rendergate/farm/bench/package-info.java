/** Load runs of the farm (test scope, run by hand); their figures go to BENCHMARKS.md. */
package dev.rendergate.farm.bench;
