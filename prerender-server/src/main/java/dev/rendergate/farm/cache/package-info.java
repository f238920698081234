/**
 * The snapshot cache: what makes a crawler almost never wait for a render. A byte-bounded Caffeine
 * tier in each farm node (L1) sits in front of an optional Redis tier shared by every node (L2);
 * concurrent requests for one {@link dev.rendergate.farm.cache.CacheKey} cause exactly one render
 * (per node through a per-key future, across nodes through a short fenced Redis lock); entries past
 * their TTL are served stale once while one background render replaces them. Redis is an
 * optimisation, never a dependency: when it is down or slow the node keeps serving from L1 and
 * rendering. Entry point: {@link dev.rendergate.farm.cache.SnapshotCache}.
 */
package dev.rendergate.farm.cache;
