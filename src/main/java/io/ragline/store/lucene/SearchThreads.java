package io.ragline.store.lucene;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Search threads, one per core. Daemons: a store left open (a failed start) never keeps the JVM alive. */
final class SearchThreads {

    private SearchThreads() {
    }

    static ExecutorService pool(String name) {
        return Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
