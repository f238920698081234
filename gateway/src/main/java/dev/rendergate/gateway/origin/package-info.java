/**
 * The SPA served from an HTTP(S) origin ({@code --origin}, e.g. an S3 bucket) instead of a folder:
 * request paths checked and normalised as for the folder before they reach the origin, files streamed
 * through with their validators, ranges and encodings, and the SPA shell kept in memory for a few
 * seconds so that a crawler's fallback still has a shell to give while the origin briefly fails.
 */
package dev.rendergate.gateway.origin;
