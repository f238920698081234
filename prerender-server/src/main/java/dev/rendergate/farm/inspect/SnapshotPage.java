package dev.rendergate.farm.inspect;

import java.util.List;

/**
 * One page of the snapshot list.
 *
 * @param total how many snapshots match the filters
 * @param page  this page's number, from 1
 * @param size  rows per page
 * @param items the rows
 */
public record SnapshotPage(int total, int page, int size, List<SnapshotRow> items) {
}
