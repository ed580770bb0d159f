package io.ragline.stack;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The production stack that {@code scripts/stack up} started, as its printed variables describe it:
 * nginx over TLS with the stack's operator key, {@code docker compose} on the stack's files, and
 * {@code scripts/deploy} with the stack's env file.
 */
public final class Stack {

    public record Reply(int status, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }

    public record Run(int exit, String output) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API_KEY_HEADER = "X-API-Key";

    public final String url;
    public final String apiKey;
    public final Path envFile;
    public final HttpClient https;

    private Stack(String url, String apiKey, Path envFile, Path caCertificate) {
        this.url = url;
        this.apiKey = apiKey;
        this.envFile = envFile;
        this.https = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .sslContext(trusting(caCertificate)).build();
    }

    /** The stack of {@code eval "$(scripts/stack up)"}; fails, saying so, when there is none. */
    public static Stack fromEnvironment() {
        Map<String, String> environment = System.getenv();
        List<String> missing = List.of("RAGLINE_URL", "RAGLINE_API_KEY", "RAGLINE_CA_CERT", "DEPLOY_ENV_FILE", "DOCKER_HOST").stream()
                .filter(name -> environment.getOrDefault(name, "").isBlank()).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("no stack: " + missing + " unset; run eval \"$(scripts/stack up)\" first");
        }
        return new Stack(environment.get("RAGLINE_URL"), environment.get("RAGLINE_API_KEY"),
                Path.of(environment.get("DEPLOY_ENV_FILE")), Path.of(environment.get("RAGLINE_CA_CERT")));
    }

    /** A line of the stack's env file. */
    public String setting(String name) {
        try {
            return Files.readAllLines(envFile).stream().filter(line -> line.startsWith(name + "="))
                    .reduce((first, last) -> last).map(line -> line.substring(name.length() + 1))
                    .orElseThrow(() -> new IllegalStateException(name + " is not in " + envFile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Reply post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(url + path)).header(API_KEY_HEADER, apiKey)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url + path)).header(API_KEY_HEADER, apiKey).GET());
    }

    /** A request as given, without the key. */
    public Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = https.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Reply(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Reply query(String question) {
        return post("/api/query", "{\"query\": " + quoted(question) + ", \"top_k\": 5}");
    }

    public Reply ingest(String id, String text) {
        return post("/api/documents", "{\"documents\": [{\"id\": " + quoted(id) + ", \"text\": " + quoted(text) + "}]}");
    }

    /** {@code docker compose} on the stack's files and project. */
    public Run compose(String... arguments) {
        return composeWithInput(null, arguments);
    }

    /** {@code docker compose} with standard input. */
    public Run composeWithInput(String input, String... arguments) {
        List<String> command = new ArrayList<>(List.of("docker", "compose", "--project-directory", ".", "--env-file", envFile.toString()));
        command.addAll(List.of(arguments));
        return run(command, input);
    }

    public Run docker(String... arguments) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(arguments));
        return run(command, null);
    }

    /** One value from PostgreSQL, through psql in its container. */
    public String sql(String statement) {
        Run run = compose("exec", "-T", "postgres", "psql", "-U", "ragline", "-d", "ragline", "-tAc", statement);
        if (run.exit() != 0) {
            throw new IllegalStateException("psql: " + run.output());
        }
        return run.output().trim();
    }

    public Run deploy(String version) {
        return script("scripts/deploy", version);
    }

    /** One of the project's scripts, with the stack's environment. */
    public Run script(String... command) {
        return run(List.of(command), null);
    }

    public String activeColour() {
        try {
            return Files.readString(Path.of(setting("DEPLOY_STATE"), "active")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the notice receiver got: Alertmanager's webhooks, one JSON line each. */
    public List<JsonNode> notices() {
        List<JsonNode> notices = new ArrayList<>();
        for (String line : compose("logs", "--no-log-prefix", "notices").output().split("\n")) {
            int json = line.indexOf('{');
            if (json >= 0) {
                try {
                    notices.add(JSON.readTree(line.substring(json)).get("notice"));
                } catch (IOException e) {
                    throw new IllegalStateException(line, e);
                }
            }
        }
        return notices;
    }

    /** Alerts in the notices, firing or resolved, whose labels include the given ones. */
    public List<JsonNode> alerts(String status, Map<String, String> labels) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode notice : notices()) {
            for (JsonNode alert : notice.path("alerts")) {
                boolean matches = alert.path("status").asText().equals(status)
                        && labels.entrySet().stream().allMatch(label -> label.getValue().equals(alert.path("labels").path(label.getKey()).asText()));
                if (matches) {
                    found.add(alert);
                }
            }
        }
        return found;
    }

    /** Until every service that runs says healthy, and nginx answers /health. */
    public void awaitHealthy(Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofSeconds(2)).until(() -> {
            Run ps = compose("ps", "--format", "{{.Service}} {{.Status}}");
            return ps.exit() == 0 && !ps.output().isBlank() && ps.output().lines().allMatch(line -> line.contains("(healthy)"))
                    && send(HttpRequest.newBuilder(URI.create(url + "/health")).GET()).status() == 200;
        });
    }

    public Optional<JsonNode> prometheus(String path) {
        Run run = compose("exec", "-T", "prometheus", "wget", "-qO-", "http://localhost:9090" + path);
        if (run.exit() != 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(run.output()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Run run(List<String> command, String input) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("DEPLOY_ENV_FILE", envFile.toString());
            builder.environment().put("COMPOSE_PROJECT_NAME", setting("COMPOSE_PROJECT_NAME"));
            builder.environment().put("COMPOSE_FILE", setting("COMPOSE_FILE"));
            Process process = builder.start();
            if (input != null) {
                try (var stdin = process.getOutputStream()) {
                    new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)).transferTo(stdin);
                }
            } else {
                process.getOutputStream().close();
            }
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish");
            }
            return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static SSLContext trusting(Path certificate) {
        try {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            try (var in = Files.newInputStream(certificate)) {
                trusted.setCertificateEntry("stack", CertificateFactory.getInstance("X.509").generateCertificate(in));
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("cannot trust " + certificate, e);
        }
    }
}
