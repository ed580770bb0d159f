package io.ragline.metrics;

/** Heap in use over the most it may grow to: what "memory above 85%" means for a JVM. */
final class HeapUsage {

    private HeapUsage() {
    }

    static double usedRatio() {
        Runtime runtime = Runtime.getRuntime();
        return (double) (runtime.totalMemory() - runtime.freeMemory()) / runtime.maxMemory();
    }
}
