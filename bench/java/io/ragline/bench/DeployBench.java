package io.ragline.bench;

import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.ragline.deploy.Deployments;
import io.ragline.deploy.NginxLoad;

/** Section {@code deploy}: scripts/deploy (process runtime) under load, and what one colour costs. */
final class DeployBench {

    private static final Pattern HEALTHY = Pattern.compile("healthy ([0-9.]+) s after its start");
    private static final Pattern SWITCHED = Pattern.compile("traffic on \\w+ \\(\\S+\\) after ([0-9.]+) s");

    private final RaglineBench bench;

    DeployBench(RaglineBench bench) {
        this.bench = bench;
    }

    void deploy(Path work) throws Exception {
        try (Deployments deployments = new Deployments(Files.createDirectories(work.resolve("deploy")))) {
            deployments.release("v1", null);
            deployments.release("v2", null);
            if (deployments.deploy("v1") != 0) {
                throw new IllegalStateException("the first deployment failed: " + deployments.log("v1"));
            }
            String startUp = figure(HEALTHY, deployments.log("v1"));
            await().pollDelay(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(11)).until(() -> true);
            long rssKb = residentKb(deployments.home.resolve("state/blue.pid"));

            long start = System.nanoTime();
            int exit;
            int requests;
            int failed;
            try (NginxLoad load = new NginxLoad(deployments.nginxUrl())) {
                load.start();
                exit = deployments.deploy("v2");
                await().pollDelay(Duration.ZERO).atMost(Duration.ofSeconds(60))
                        .until(() -> System.nanoTime() - start >= Duration.ofSeconds(30).toNanos());
                load.close();
                requests = load.requests();
                failed = load.failures.size();
            }
            if (exit != 0) {
                throw new IllegalStateException("the deployment under load failed: " + deployments.log("v2"));
            }
            bench.row("Deploy v1 -> v2 under load through nginx (~20 queries/s + 1 ingest/s, 30 s)",
                    RaglineBench.fmt("%d failed of %d requests", failed, requests), "0 failed");
            bench.row("Time from scripts/deploy to traffic switched (start, health, smoke, golden set, reload)",
                    figure(SWITCHED, deployments.log("v2")) + " s", "");
            bench.row("Start-up of one colour, to all four health checks answering 200", startUp + " s", "");
            bench.row("Idle memory of one colour (resident set, 10 s after start-up, -Xmx768m)",
                    RaglineBench.fmt("%d MB", rssKb / 1024), "");
        }
    }

    private static String figure(Pattern pattern, String log) {
        Matcher matcher = pattern.matcher(log);
        if (!matcher.find()) {
            throw new IllegalStateException("not in the deployment log: " + pattern + "\n" + log);
        }
        return matcher.group(1);
    }

    private static long residentKb(Path pidFile) throws Exception {
        String pid = Files.readString(pidFile).trim();
        return Files.readAllLines(Path.of("/proc", pid, "status")).stream().filter(line -> line.startsWith("VmRSS:"))
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", ""))).findFirst().orElseThrow();
    }
}
