package dev.rendergate.edge.verify;

import java.util.ArrayList;
import java.util.List;

/**
 * A set of CIDR blocks with a membership test. A few hundred blocks per operator are scanned in turn:
 * only requests that claim one of that operator's crawlers are checked, and a scan of flat arrays costs
 * about a microsecond.
 */
public final class AddressRanges {

    private final long[] highs;
    private final long[] lows;
    private final long[] highMasks;
    private final long[] lowMasks;

    private AddressRanges(List<AddressRange> ranges) {
        int n = ranges.size();
        highs = new long[n];
        lows = new long[n];
        highMasks = new long[n];
        lowMasks = new long[n];
        for (int i = 0; i < n; i++) {
            AddressRange range = ranges.get(i);
            highs[i] = range.high();
            lows[i] = range.low();
            int length = range.prefixLength();
            highMasks[i] = length == 0 ? 0 : length >= 64 ? -1L : -1L << (64 - length);
            lowMasks[i] = length <= 64 ? 0 : -1L << (128 - length);
        }
    }

    /**
     * @param lists CIDR blocks separated by commas, one text per published list
     * @return the blocks of all lists
     * @throws IllegalArgumentException naming the first bad block
     */
    public static AddressRanges parse(String... lists) {
        List<AddressRange> ranges = new ArrayList<>();
        for (String list : lists) {
            int start = 0;
            while (start < list.length()) {
                int comma = list.indexOf(',', start);
                int end = comma < 0 ? list.length() : comma;
                if (end > start) {
                    ranges.add(AddressRange.parse(list.substring(start, end)));
                }
                start = end + 1;
            }
        }
        return new AddressRanges(ranges);
    }

    /** @return the number of blocks */
    public int size() {
        return highs.length;
    }

    /**
     * @param address an address, or null
     * @return whether it lies in one of the blocks; false for null
     */
    public boolean contains(IpAddress address) {
        if (address == null) {
            return false;
        }
        long high = address.high();
        long low = address.low();
        for (int i = 0; i < highs.length; i++) {
            if (((high ^ highs[i]) & highMasks[i]) == 0 && ((low ^ lows[i]) & lowMasks[i]) == 0) {
                return true;
            }
        }
        return false;
    }
}
