package io.ragline.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

import com.sun.management.OperatingSystemMXBean;

/**
 * Where the cores go during a run: CPU time of this JVM's threads, grouped by what they do, against the
 * cores' capacity over the same wall time. Thread CPU time includes native code, so the ONNX model's
 * work counts on its own threads; what no Java thread accounts for (garbage collection, compilation)
 * is the process's total less the threads'.
 */
final class ThreadCpu {

    /** Thread name patterns, first match wins. */
    private static final Map<String, Pattern> GROUPS = groups();

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
    private final Map<Long, Long> threadsBefore = new LinkedHashMap<>();
    private long processBefore;
    private long wallBefore;

    private static Map<String, Pattern> groups() {
        Map<String, Pattern> groups = new LinkedHashMap<>();
        groups.put("the model", Pattern.compile("ragline-embed"));
        groups.put("Lucene merges", Pattern.compile("Lucene Merge Thread"));
        groups.put("Camel routes and breakers", Pattern.compile("^Camel "));
        groups.put("HTTP server", Pattern.compile("^(http-nio|task-)"));
        groups.put("embedded Kafka broker (benchmark only)", Pattern.compile("^(data-plane|kafka-\\d|quorum|broker|controller|kafka-cluster|raft|ExpirationReaper|LogDirFailure|kafka-scheduler|group-coordinator)"));
        groups.put("the benchmark's client", Pattern.compile("RaglineBench|^main$|^pool-"));
        return groups;
    }

    ThreadCpu start() {
        threadsBefore.clear();
        for (long id : threads.getAllThreadIds()) {
            threadsBefore.put(id, Math.max(0, threads.getThreadCpuTime(id)));
        }
        processBefore = os.getProcessCpuTime();
        wallBefore = System.nanoTime();
        return this;
    }

    /** CPU seconds since {@link #start} by group, as shares of the cores' capacity over the wall time. */
    String shares() {
        double wall = (System.nanoTime() - wallBefore) / 1e9;
        int cores = Runtime.getRuntime().availableProcessors();
        Map<String, Double> seconds = new LinkedHashMap<>();
        GROUPS.keySet().forEach(group -> seconds.put(group, 0.0));
        seconds.put("other threads", 0.0);
        double named = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long now = threads.getThreadCpuTime(info.getThreadId());
            if (now < 0) {
                continue;
            }
            double used = (now - threadsBefore.getOrDefault(info.getThreadId(), 0L)) / 1e9;
            String group = GROUPS.entrySet().stream().filter(entry -> entry.getValue().matcher(info.getThreadName()).find())
                    .map(Map.Entry::getKey).findFirst().orElse("other threads");
            seconds.merge(group, used, Double::sum);
            named += used;
        }
        double process = (os.getProcessCpuTime() - processBefore) / 1e9;
        seconds.put("garbage collection, compilation, ended threads", Math.max(0, process - named));
        double capacity = cores * wall;
        StringJoiner shares = new StringJoiner(", ");
        seconds.forEach((group, used) -> {
            if (used >= 0.005 * capacity) {
                shares.add(RaglineBench.fmt("%s %.0f%%", group, 100 * used / capacity));
            }
        });
        shares.add(RaglineBench.fmt("idle %.0f%%", 100 * Math.max(0, capacity - process) / capacity));
        return RaglineBench.fmt("of %d cores x %.1f s: %s", cores, wall, shares);
    }
}
