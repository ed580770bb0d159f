package io.ragline.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** The real servers {@code scripts/services} starts for the slow lane; their addresses come from its variables. */
public final class TestServices {

    private TestServices() {
    }

    public static String postgresUrl() {
        return required("SERVICES_POSTGRES_URL");
    }

    public static String postgresUser() {
        return required("SERVICES_POSTGRES_USER");
    }

    public static String redisHost() {
        return required("SERVICES_REDIS_HOST");
    }

    public static int redisPort() {
        return Integer.parseInt(required("SERVICES_REDIS_PORT"));
    }

    /** Stops the test PostgreSQL, as an operator would (fast shutdown: connections are cut). */
    public static void stopPostgres() {
        run("runuser", "-u", "postgres", "--", required("SERVICES_POSTGRES_CTL"), "-D", required("SERVICES_POSTGRES_DATA"),
                "-m", "fast", "-w", "stop");
    }

    /** Starts the test PostgreSQL again with its data, on its port. */
    public static void startPostgres() {
        String data = required("SERVICES_POSTGRES_DATA");
        run("runuser", "-u", "postgres", "--", required("SERVICES_POSTGRES_CTL"), "-D", data, "-l", data + "/server.log", "-w",
                "-o", required("SERVICES_POSTGRES_OPTIONS"), "start");
    }

    /**
     * Freezes the test PostgreSQL (SIGSTOP to the server and its backends): connections stay open and
     * every query hangs, as behind a dead network path or a stalled server.
     */
    public static void freezePostgres() {
        signalPostgres("STOP");
    }

    public static void thawPostgres() {
        signalPostgres("CONT");
    }

    private static void signalPostgres(String signal) {
        try {
            String pid = Files.readAllLines(Path.of(required("SERVICES_POSTGRES_DATA"), "postmaster.pid")).get(0).trim();
            run("pkill", "-" + signal, "-P", pid);
            run("kill", "-" + signal, pid);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the test Redis at once, as a crash would (no save). */
    public static void killRedis() {
        run("redis-cli", "-h", redisHost(), "-p", Integer.toString(redisPort()), "shutdown", "nosave");
    }

    /** Starts the test Redis again on its port, empty, as scripts/services did. */
    public static void startRedis() {
        String dir = required("SERVICES_REDIS_DIR");
        run("redis-server", "--port", Integer.toString(redisPort()), "--bind", redisHost(), "--dir", dir, "--save", "",
                "--appendonly", "no", "--daemonize", "yes", "--pidfile", dir + "/redis.pid", "--logfile", dir + "/redis.log");
    }

    private static void run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited " + exit + ": " + output);
            }
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A new, empty database on the test server, so tests never see each other's rows. @return its JDBC URL */
    public static String newPostgresDatabase(String prefix) {
        String name = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase().replace('-', '_');
        try (Connection connection = DriverManager.getConnection(postgresUrl(), postgresUser(), "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + postgresUrl(), e);
        }
        return postgresUrl().substring(0, postgresUrl().lastIndexOf('/') + 1) + name;
    }

    private static String required(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(variable + " is not set: run ./scripts/test, which starts PostgreSQL and Redis"
                    + " (or eval \"$(scripts/services start)\" before mvn)");
        }
        return value;
    }
}
