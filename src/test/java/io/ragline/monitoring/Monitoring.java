package io.ragline.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The files under {@code monitoring/}, and promtool to check them. */
final class Monitoring {

    static final Path DIRECTORY = Path.of("monitoring");
    /** Metric names in PromQL: ours, the breakers', and the process's. */
    private static final Pattern METRIC = Pattern.compile("\\b((?:rag|ragline|resilience4j)_[a-z0-9_]+|process_uptime_seconds|process_start_time_seconds)\\b");

    private Monitoring() {
    }

    /** Every metric the alert rules and the dashboards read. */
    static Set<String> metricsNamed() {
        Set<String> names = new TreeSet<>(namesIn(DIRECTORY.resolve("alerts.yml")));
        try (var dashboards = Files.list(DIRECTORY.resolve("grafana/dashboards"))) {
            dashboards.filter(file -> file.toString().endsWith(".json")).forEach(file -> names.addAll(namesIn(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static Set<String> namesIn(Path file) {
        try {
            Set<String> names = new TreeSet<>();
            Matcher matcher = METRIC.matcher(Files.readString(file));
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs promtool (Debian's prometheus package, installed by scripts/services) and returns its output. */
    static String promtool(String... arguments) throws IOException, InterruptedException {
        return promtoolIn(DIRECTORY, arguments);
    }

    static String promtoolIn(Path directory, String... arguments) throws IOException, InterruptedException {
        String[] command = new String[arguments.length + 1];
        command[0] = "promtool";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("promtool " + String.join(" ", arguments) + " failed:\n" + output);
        }
        return output;
    }
}
