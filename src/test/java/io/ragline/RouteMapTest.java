package io.ragline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.camel.CamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.SendDefinition;
import org.apache.camel.model.ToDynamicDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.ragline.support.RaglineIntegrationTest;

/**
 * The route map in docs/architecture.md is drawn from the running routes: each route, and an arrow for
 * every {@code direct:} endpoint it sends to. Run with {@code -Ddocs.write=true} to redraw it.
 */
class RouteMapTest extends RaglineIntegrationTest {

    private static final Path ARCHITECTURE = Path.of("docs/architecture.md");
    private static final String BEGIN = "<!-- route map: drawn by RouteMapTest -->";
    private static final String END = "<!-- end of route map -->";

    @Autowired
    CamelContext camel;

    @Test
    void theRouteMapInTheDocsIsTheRunningOne() throws IOException {
        ModelCamelContext model = (ModelCamelContext) camel;
        String drawn = draw(model.getRouteDefinitions());
        String docs = Files.readString(ARCHITECTURE);
        int begin = docs.indexOf(BEGIN);
        int end = docs.indexOf(END);
        assertThat(begin).as("docs/architecture.md holds the route map markers").isNotNegative();
        String written = docs.substring(begin + BEGIN.length(), end);
        if (Boolean.getBoolean("docs.write")) {
            Files.writeString(ARCHITECTURE, docs.substring(0, begin + BEGIN.length()) + drawn + docs.substring(end));
            written = drawn;
        }
        assertThat(written).as("docs/architecture.md's route map; redraw it with -Ddocs.write=true").isEqualTo(drawn);
        assertThat(drawn).contains("query-api --> query", "documents-api --> chunk-document", "file-ingest --> ingest");
    }

    /** A Mermaid flowchart: routes by id, an arrow where a route sends to a direct: endpoint another consumes. */
    private static String draw(List<RouteDefinition> routes) {
        Map<String, String> consumers = new TreeMap<>();
        for (RouteDefinition route : routes) {
            String from = route.getInput().getEndpointUri();
            if (from.startsWith("direct:")) {
                consumers.put(from.substring("direct:".length()).replaceAll("\\?.*", ""), route.getRouteId());
            }
        }
        TreeSet<String> arrows = new TreeSet<>();
        for (RouteDefinition route : routes) {
            List<String> targets = new ArrayList<>();
            collect(route.getOutputs(), targets);
            for (String target : targets) {
                String consumer = consumers.get(target);
                if (consumer != null && !consumer.equals(route.getRouteId())) {
                    arrows.add("    " + route.getRouteId() + " --> " + consumer);
                }
            }
        }
        return "\n```mermaid\nflowchart LR\n" + String.join("\n", arrows) + "\n```\n";
    }

    private static void collect(List<ProcessorDefinition<?>> outputs, List<String> targets) {
        for (ProcessorDefinition<?> output : outputs) {
            String uri = output instanceof SendDefinition<?> send ? send.getEndpointUri()
                    : output instanceof ToDynamicDefinition dynamic ? dynamic.getUri() : null;
            if (uri != null && uri.startsWith("direct:")) {
                targets.add(uri.substring("direct:".length()).replaceAll("\\?.*", ""));
            }
            collect(output.getOutputs(), targets);
        }
    }
}
