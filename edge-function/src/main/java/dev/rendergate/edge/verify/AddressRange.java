package dev.rendergate.edge.verify;

/**
 * One CIDR block, IPv4 blocks held IPv4-mapped like {@link IpAddress}.
 *
 * @param high         the upper 64 bits of the network address
 * @param low          the lower 64 bits of the network address
 * @param prefixLength the prefix length over all 128 bits (an IPv4 {@code /24} is {@code 120})
 */
public record AddressRange(long high, long low, int prefixLength) {

    /**
     * Parses {@code address/length} as the published lists write it, e.g. {@code 66.249.64.0/27} or
     * {@code 2001:4860:4801:10::/64}. The address must be the network address (no host bits set): a list
     * with host bits is not the documented format, and refusing it catches a damaged download.
     *
     * @param cidr the block
     * @return the block
     * @throws IllegalArgumentException naming the bad block
     */
    public static AddressRange parse(String cidr) {
        int slash = cidr.indexOf('/');
        IpAddress address = slash < 0 ? null : IpAddress.parse(cidr.substring(0, slash));
        String lengthText = slash < 0 ? "" : cidr.substring(slash + 1);
        if (address == null || lengthText.isEmpty() || lengthText.length() > 3) {
            throw new IllegalArgumentException("not a CIDR block: '" + cidr + "'");
        }
        int length = 0;
        for (int i = 0; i < lengthText.length(); i++) {
            char c = lengthText.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a CIDR block: '" + cidr + "'");
            }
            length = length * 10 + (c - '0');
        }
        boolean v4 = cidr.substring(0, slash).indexOf(':') < 0;
        if (length > (v4 ? 32 : 128)) {
            throw new IllegalArgumentException("prefix length out of range in '" + cidr + "'");
        }
        AddressRange range = new AddressRange(address.high(), address.low(), v4 ? length + 96 : length);
        if ((address.high() & ~range.highMask()) != 0 || (address.low() & ~range.lowMask()) != 0) {
            throw new IllegalArgumentException("host bits set in '" + cidr + "'");
        }
        return range;
    }

    /**
     * @param address an address
     * @return whether the address lies in this block
     */
    public boolean contains(IpAddress address) {
        return ((address.high() ^ high) & highMask()) == 0 && ((address.low() ^ low) & lowMask()) == 0;
    }

    // A shift by 64 is a shift by 0 in Java, so the whole-word cases are spelled out.
    private long highMask() {
        return prefixLength == 0 ? 0 : prefixLength >= 64 ? -1L : -1L << (64 - prefixLength);
    }

    private long lowMask() {
        return prefixLength <= 64 ? 0 : -1L << (128 - prefixLength);
    }
}
