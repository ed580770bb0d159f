package io.ragline.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.ragline.RaglineApplication;

/**
 * The application in a JVM of its own, on the test's class path, so a test can kill it with SIGKILL: no
 * shutdown hook, no graceful stop, no final commit. Its output goes to {@code <work>/<name>.log}.
 */
public final class ChildApplication {

    private final Process process;
    private final RaglineHttp http;
    private final int port;

    private ChildApplication(Process process, int port) {
        this.process = process;
        this.port = port;
        this.http = new RaglineHttp(port);
    }

    public int port() {
        return port;
    }

    public static ChildApplication start(Path work, String name, String... extra) throws IOException {
        return startOn(FreePorts.next(), work, name, extra);
    }

    /** On a port of the caller's: the same application again, as a scraper sees a restart. */
    public static ChildApplication startOn(int port, Path work, String name, String... extra) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), RaglineApplication.class.getName(),
                "--server.port=" + port));
        command.addAll(RaglineApps.args(work, extra));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve(name + ".log").toFile()).start();
        return new ChildApplication(process, port);
    }

    /** Waits until the store holds at least this many chunks, as /health/vector reports them. @return the count seen */
    public long awaitChunks(long chunks) {
        AtomicLong seen = new AtomicLong();
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("the application exited with " + process.exitValue());
                    }
                    seen.set(http.get("/health/vector").json().get("chunks").asLong());
                    return seen.get() >= chunks;
                });
        return seen.get();
    }

    /** SIGKILL, and wait until the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }
}
