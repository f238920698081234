package dev.rendergate.farm.inspect;

/**
 * What the inspector keeps of one page and device: the latest render and the one before it.
 *
 * @param current  the latest render
 * @param previous the render before it, or {@code null}
 */
public record Versions(SnapshotRecord current, SnapshotRecord previous) {
}
