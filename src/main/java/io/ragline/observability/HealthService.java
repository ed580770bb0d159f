package io.ragline.observability;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;

import io.ragline.api.ApiResponse;

/**
 * {@code /health} and its per-component children, read from Actuator's health endpoint: {@code /health}
 * and {@code /actuator/health} (and a Kubernetes probe on either) are one computation and never
 * disagree. Only the body keeps its own shape: status healthy, degraded or unhealthy, version, uptime,
 * the failed components and each component's details.
 */
public class HealthService {

    public static final Status DEGRADED = new Status("DEGRADED", "works without a non-essential dependency");

    private final HealthEndpoint actuator;
    private final String version;
    private final Instant started = Instant.now();

    public HealthService(HealthEndpoint actuator, String version) {
        this.actuator = actuator;
        this.version = version;
    }

    public ApiResponse overall() {
        HealthComponent health = actuator.health();
        Map<String, Object> components = new LinkedHashMap<>();
        List<String> failed = new ArrayList<>();
        if (health instanceof CompositeHealth composite) {
            composite.getComponents().forEach((name, component) -> {
                components.put(name, body(component));
                if (!Status.UP.equals(component.getStatus())) {
                    failed.add(name);
                }
            });
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", label(health.getStatus()));
        body.put("version", version);
        body.put("uptime", Duration.between(started, Instant.now()).toMillis() / 1000.0);
        if (!failed.isEmpty()) {
            body.put("failed", failed);
        }
        body.put("components", components);
        return new ApiResponse(httpStatus(health.getStatus()), body);
    }

    public ApiResponse vector() {
        return component("vector");
    }

    public ApiResponse ai() {
        return component("ai");
    }

    public ApiResponse db() {
        return component("db");
    }

    /** One component on its own: 200 only when it is up. */
    private ApiResponse component(String name) {
        HealthComponent component = actuator.healthForPath(name);
        if (component == null) {
            return new ApiResponse(503, Map.of("status", "unhealthy", "error", name + " has no health check"));
        }
        return new ApiResponse(Status.UP.equals(component.getStatus()) ? 200 : 503, body(component));
    }

    private static Map<String, Object> body(HealthComponent component) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", label(component.getStatus()));
        if (component instanceof Health health) {
            body.putAll(health.getDetails());
        }
        return body;
    }

    static String label(Status status) {
        if (Status.UP.equals(status)) {
            return "healthy";
        }
        if (DEGRADED.equals(status)) {
            return "degraded";
        }
        return Status.UNKNOWN.equals(status) ? "unknown" : "unhealthy";
    }

    /** As Actuator maps it: a degraded application still serves (200), a down one does not (503). */
    private static int httpStatus(Status status) {
        return Status.UP.equals(status) || DEGRADED.equals(status) || Status.UNKNOWN.equals(status) ? 200 : 503;
    }
}
