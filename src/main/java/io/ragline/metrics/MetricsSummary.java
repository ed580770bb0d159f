package io.ragline.metrics;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;

/**
 * {@code GET /metrics/summary}: the counters, latency percentiles and system figures people and smoke
 * tests read without a Prometheus, computed from the same meters Prometheus scrapes.
 */
public class MetricsSummary {

    private final MeterRegistry registry;
    private final File dataDirectory;

    public MetricsSummary(MeterRegistry registry, File dataDirectory) {
        this.registry = registry;
        this.dataDirectory = dataDirectory;
    }

    public Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("uptime_seconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
        summary.put("counters", counters());
        summary.put("histograms", histograms());
        summary.put("system", system());
        summary.put("timestamp", Instant.now().toEpochMilli() / 1000.0);
        return summary;
    }

    private Map<String, Double> counters() {
        Map<String, Double> counters = new TreeMap<>();
        for (String name : new String[] {"rag.requests", "rag.requests.success", "rag.requests.error", "ragline.answers", "ragline.cache.requests",
                "ragline.ingest.documents", "ragline.ingest.chunks", "ragline.dead.letters"}) {
            for (Counter counter : registry.find(name).counters()) {
                counters.merge(key(name.replace('.', '_') + "_total", counter), counter.count(), Double::sum);
            }
        }
        return counters;
    }

    private Map<String, Map<String, Double>> histograms() {
        Map<String, Map<String, Double>> histograms = new TreeMap<>();
        for (Timer timer : registry.find("rag.response.time").timers()) {
            Map<String, Double> figures = new LinkedHashMap<>();
            figures.put("count", (double) timer.count());
            figures.put("mean", timer.mean(TimeUnit.SECONDS));
            figures.put("max", timer.max(TimeUnit.SECONDS));
            for (ValueAtPercentile percentile : timer.takeSnapshot().percentileValues()) {
                figures.put("p" + Math.round(percentile.percentile() * 100), percentile.value(TimeUnit.SECONDS));
            }
            histograms.put(key("rag_response_time_seconds", timer), figures);
        }
        return histograms;
    }

    private Map<String, Double> system() {
        Map<String, Double> system = new LinkedHashMap<>();
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            system.put("cpu_percent", Math.max(0, os.getCpuLoad()) * 100);
            system.put("process_cpu_percent", Math.max(0, os.getProcessCpuLoad()) * 100);
        }
        Runtime runtime = Runtime.getRuntime();
        system.put("memory_percent", HeapUsage.usedRatio() * 100);
        system.put("heap_used_bytes", (double) (runtime.totalMemory() - runtime.freeMemory()));
        long total = dataDirectory.getTotalSpace();
        system.put("disk_percent", total == 0 ? 0 : 100.0 * (total - dataDirectory.getUsableSpace()) / total);
        return system;
    }

    private static String key(String name, Meter meter) {
        StringBuilder key = new StringBuilder(name);
        if (!meter.getId().getTags().isEmpty()) {
            key.append('{');
            meter.getId().getTags().forEach(tag -> key.append(tag.getKey()).append('=').append(tag.getValue()).append(','));
            key.setCharAt(key.length() - 1, '}');
        }
        return key.toString();
    }
}
