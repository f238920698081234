package dev.rendergate.farm.cache;

/**
 * What a load produced.
 *
 * @param entry    the snapshot with its deadlines (zero deadlines when it was not cacheable)
 * @param rendered whether a render ran for it (as opposed to a tier answering)
 */
record Loaded(Entry entry, boolean rendered) {
}
