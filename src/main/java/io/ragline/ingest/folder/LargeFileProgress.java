package io.ragline.ingest.folder;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Progress of large text files ingested section by section: done/total in the log at every tenth, and
 * in two gauges, files in progress and the bytes they have left (no label per file: it would be unbounded).
 */
public class LargeFileProgress {

    private static final Logger LOG = LoggerFactory.getLogger(LargeFileProgress.class);

    private final Map<String, File> files = new ConcurrentHashMap<>();

    public LargeFileProgress(MeterRegistry registry) {
        Gauge.builder("ragline.ingest.large.files", files, Map::size)
                .description("Large text files being ingested section by section").register(registry);
        Gauge.builder("ragline.ingest.large.files.remaining", files,
                        active -> active.values().stream().mapToLong(File::remaining).sum())
                .baseUnit("bytes").description("What large files in progress have left to read").register(registry);
    }

    public void start(String file, long totalBytes) {
        files.put(file, new File(file, totalBytes));
        LOG.info("Large file {}: {} MB, ingested in sections", file, totalBytes >> 20);
    }

    /** @param characters read in one more section (about its bytes: these files are mostly ASCII) */
    public void advance(String file, long characters, int chunksSoFar) {
        File progress = files.get(file);
        if (progress != null) {
            progress.advance(characters, chunksSoFar);
        }
    }

    public void finish(String file) {
        files.remove(file);
    }

    private static final class File {
        private final String name;
        private final long total;
        private final AtomicLong done = new AtomicLong();
        private volatile int loggedTenths;

        File(String name, long total) {
            this.name = name;
            this.total = Math.max(1, total);
        }

        void advance(long characters, int chunks) {
            long now = Math.min(total, done.addAndGet(characters));
            int tenths = (int) (10 * now / total);
            if (tenths > loggedTenths && tenths < 10) {
                loggedTenths = tenths;
                LOG.info("Large file {}: {}% ({} of {} MB), {} chunks so far", name, tenths * 10, now >> 20, total >> 20, chunks);
            }
        }

        long remaining() {
            return total - Math.min(total, done.get());
        }
    }
}
