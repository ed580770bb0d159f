package io.ragline.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import com.sun.management.OperatingSystemMXBean;

/**
 * Where the cores go during a run: CPU time of this JVM's threads, grouped by what they do, against the
 * cores' capacity over the same wall time. Thread CPU time includes native code, so the ONNX model's
 * work counts on its own threads. Threads are read every 50 ms as well, so one that ends during the run
 * (each Lucene merge has a thread of its own) still counts up to its last reading; what no Java thread
 * accounts for, the process's total less the threads', is the JIT compiler's and the collector's.
 */
final class ThreadCpu {

    /** Thread name patterns, first match wins. */
    private static final Map<String, Pattern> GROUPS = groups();

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
    private final Map<Long, Long> threadsBefore = new LinkedHashMap<>();
    /** The last reading of every thread seen during the run: its name and CPU time. */
    private final Map<Long, Reading> lastReadings = new ConcurrentHashMap<>();
    private final ScheduledExecutorService reader = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bench-thread-cpu");
        thread.setDaemon(true);
        return thread;
    });
    private long processBefore;
    private long wallBefore;
    private long compilationBefore;
    private long pausesBefore;

    private record Reading(String name, long cpuNanos) {
    }

    private static Map<String, Pattern> groups() {
        Map<String, Pattern> groups = new LinkedHashMap<>();
        groups.put("the model", Pattern.compile("ragline-embed"));
        groups.put("Lucene merges", Pattern.compile("Lucene Merge Thread"));
        groups.put("Camel routes and breakers", Pattern.compile("^Camel "));
        groups.put("HTTP server", Pattern.compile("^(http-nio|task-)"));
        groups.put("embedded Kafka broker (benchmark only)", Pattern.compile("^(data-plane|kafka-\\d|quorum|broker|controller|kafka-cluster|raft|ExpirationReaper|LogDirFailure|kafka-scheduler|group-coordinator)"));
        groups.put("the benchmark's client", Pattern.compile("RaglineBench|^main$|^pool-|^bench-"));
        return groups;
    }

    ThreadCpu start() {
        threadsBefore.clear();
        for (long id : threads.getAllThreadIds()) {
            threadsBefore.put(id, Math.max(0, threads.getThreadCpuTime(id)));
        }
        processBefore = os.getProcessCpuTime();
        compilationBefore = compilationMillis();
        pausesBefore = gcMillis();
        wallBefore = System.nanoTime();
        reader.scheduleAtFixedRate(this::read, 50, 50, TimeUnit.MILLISECONDS);
        return this;
    }

    private void read() {
        for (long id : threads.getAllThreadIds()) {
            long cpu = threads.getThreadCpuTime(id);
            Reading last = lastReadings.get(id);
            String name = last != null ? last.name() : nameOf(id);
            if (cpu >= 0 && name != null) {
                lastReadings.put(id, new Reading(name, cpu));
            }
        }
    }

    /** Time the JIT compiler's threads have spent compiling, summed over them. */
    private static long compilationMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private String nameOf(long id) {
        ThreadInfo info = threads.getThreadInfo(id);
        return info == null ? null : info.getThreadName();
    }

    /** CPU seconds since {@link #start} by group, as shares of the cores' capacity over the wall time. */
    String shares() {
        double wall = (System.nanoTime() - wallBefore) / 1e9;
        int cores = Runtime.getRuntime().availableProcessors();
        Map<String, Double> seconds = new LinkedHashMap<>();
        GROUPS.keySet().forEach(group -> seconds.put(group, 0.0));
        seconds.put("other threads", 0.0);
        reader.shutdown();
        read();
        double named = 0;
        for (Map.Entry<Long, Reading> thread : lastReadings.entrySet()) {
            Reading reading = thread.getValue();
            double used = (reading.cpuNanos() - threadsBefore.getOrDefault(thread.getKey(), 0L)) / 1e9;
            String group = GROUPS.entrySet().stream().filter(entry -> entry.getValue().matcher(reading.name()).find())
                    .map(Map.Entry::getKey).findFirst().orElse("other threads");
            seconds.merge(group, used, Double::sum);
            named += used;
        }
        double process = (os.getProcessCpuTime() - processBefore) / 1e9;
        // the JIT compiler's and the collector's threads are no Java threads: their CPU is what is left
        double compilation = (compilationMillis() - compilationBefore) / 1e3;
        double pauses = (gcMillis() - pausesBefore) / 1e3;
        seconds.put("compilation and collection", Math.max(0, process - named));
        double capacity = cores * wall;
        StringJoiner shares = new StringJoiner(", ");
        seconds.forEach((group, used) -> {
            if (used >= 0.005 * capacity) {
                shares.add(RaglineBench.fmt("%s %.0f%%", group, 100 * used / capacity));
            }
        });
        shares.add(RaglineBench.fmt("idle %.0f%%", 100 * Math.max(0, capacity - process) / capacity));
        return RaglineBench.fmt("of %d cores x %.1f s: %s (compiling took %.1f s, collection pauses %.2f s)",
                cores, wall, shares, compilation, pauses);
    }

    /** One warm-up batch, numbered from 1. */
    interface WarmUpBatch {
        void run(int batch) throws Exception;
    }

    /**
     * Warm, as a running server is: runs warm-up batches until the JIT compiler has settled (it compiled on
     * under 5% of the cores during the last one), at most {@code max}. A new application in this JVM sets
     * the compiler off again, and it competes with the model for the cores while the clock runs.
     * @return batches run
     */
    static int warmUp(int max, WarmUpBatch warmUp) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        for (int batch = 1; ; batch++) {
            long compiledBefore = compilationMillis();
            long start = System.nanoTime();
            warmUp.run(batch);
            double compiling = (compilationMillis() - compiledBefore) / 1e3 / (cores * RaglineBench.seconds(start));
            if (compiling < 0.05 || batch == max) {
                return batch;
            }
        }
    }
}
