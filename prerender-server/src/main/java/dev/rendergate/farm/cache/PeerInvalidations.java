package dev.rendergate.farm.cache;

/**
 * What other farm nodes announce through the shared tier, applied to this node's L1: without it a
 * node would keep serving its own copy of a snapshot another node recached or invalidated.
 */
interface PeerInvalidations {

    /** Another node stored a new snapshot for {@code key} or dropped it. */
    void key(CacheKey key);

    /** Another node dropped every snapshot whose URL starts with {@code urlPrefix}. */
    void prefix(String urlPrefix);

    /** Another node dropped every snapshot. */
    void all();
}
