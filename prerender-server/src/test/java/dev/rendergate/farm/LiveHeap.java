package dev.rendergate.farm;

import java.lang.management.ManagementFactory;

/** The live heap as the memory benchmarks read it: the smallest used heap over five full collections. */
public final class LiveHeap {

    private LiveHeap() {
    }

    public static long bytes() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return Math.min(used, runtime.totalMemory() - runtime.freeMemory());
    }
}
