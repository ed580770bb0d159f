package io.ragline.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.ragline.support.FreePorts;
import io.ragline.support.TestServices;

/**
 * {@code scripts/deploy} in its process runtime, on this machine: releases made from the jar the build
 * packaged, both colours on the test PostgreSQL and Redis, nginx on a free port.
 */
public final class Deployments implements AutoCloseable {

    public final Path home;
    public final int nginxPort;
    final String databaseUrl;
    private final Map<String, String> environment = new HashMap<>();

    public Deployments(Path home) throws IOException {
        this.home = home;
        this.nginxPort = FreePorts.next();
        this.databaseUrl = TestServices.newPostgresDatabase("deploy");
        Files.createDirectories(home.resolve("releases"));
        Files.writeString(home.resolve("colours.env"), String.join("\n",
                "RAGLINE_STORE_BACKEND=pgvector",
                "SPRING_DATASOURCE_URL=" + databaseUrl,
                "SPRING_DATASOURCE_USERNAME=" + TestServices.postgresUser(),
                "RAGLINE_CACHE_BACKEND=redis",
                "RAGLINE_INGEST_IDEMPOTENCY_BACKEND=redis",
                "SPRING_DATA_REDIS_HOST=" + TestServices.redisHost(),
                "SPRING_DATA_REDIS_PORT=" + TestServices.redisPort(),
                "RAGLINE_INGEST_FOLDER_ENABLED=false",
                "RAGLINE_INGEST_JMS_ENABLED=false",
                "LOGGING_LEVEL_ROOT=WARN",
                ""));
        environment.put("DEPLOY_RUNTIME", "process");
        environment.put("DEPLOY_STATE", home.resolve("state").toString());
        environment.put("DEPLOY_RELEASES", home.resolve("releases").toString());
        environment.put("DEPLOY_ENV_FILE", home.resolve("colours.env").toString());
        environment.put("DEPLOY_BLUE_PORT", Integer.toString(FreePorts.next()));
        environment.put("DEPLOY_GREEN_PORT", Integer.toString(FreePorts.next()));
        environment.put("DEPLOY_NGINX_PORT", Integer.toString(nginxPort));
        environment.put("DEPLOY_GOLDEN", home.resolve("golden.jsonl").toString());
        environment.put("DEPLOY_DRAIN_SECONDS", "3");
        environment.put("DEPLOY_JAVA_OPTS", "-Xmx768m");
    }

    /** A release of the packaged jar, with configuration of its own when given. */
    public void release(String version, String applicationYml) throws IOException {
        Path release = Files.createDirectories(home.resolve("releases").resolve(version));
        Files.copy(packagedJar(), release.resolve("ragline.jar"));
        if (applicationYml != null) {
            Files.writeString(release.resolve("application.yml"), applicationYml);
        }
    }

    public void golden(List<String> lines) throws IOException {
        Files.write(home.resolve("golden.jsonl"), lines);
    }

    /** Runs scripts/deploy; returns its exit code, its output in {@code home/deploy-<version>.log}. */
    public int deploy(String version) {
        try {
            ProcessBuilder builder = new ProcessBuilder("scripts/deploy", version).redirectErrorStream(true)
                    .redirectOutput(home.resolve("deploy-" + version.replace("-", "") + ".log").toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("scripts/deploy " + version + " did not finish");
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String log(String version) throws IOException {
        return Files.readString(home.resolve("deploy-" + version.replace("-", "") + ".log"));
    }

    public String activeColour() throws IOException {
        return Files.readString(home.resolve("state/active")).trim();
    }

    public String nginxUrl() {
        return "http://127.0.0.1:" + nginxPort;
    }

    @Override
    public void close() {
        deploy("--stop");
    }

    private static Path packagedJar() throws IOException {
        try (Stream<Path> jars = Files.list(Path.of("target"))) {
            List<Path> found = new ArrayList<>(jars.filter(jar -> jar.getFileName().toString().matches("ragline-.*\\.jar")).toList());
            if (found.size() != 1) {
                throw new IllegalStateException("run after mvn package: expected one target/ragline-*.jar, found " + found);
            }
            return found.get(0);
        }
    }


    static Duration seconds(long seconds) {
        return Duration.ofSeconds(seconds);
    }
}
