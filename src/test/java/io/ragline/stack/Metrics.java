package io.ragline.stack;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Counters read from the active colour's own scrape, on its loopback port. */
final class Metrics {

    private static final Pattern KAFKA_DOCUMENTS = Pattern.compile("(?m)^ragline_ingest_documents_total\\{[^}]*source=\"kafka\"[^}]*} (\\S+)$");

    private Metrics() {
    }

    static long kafkaDocuments(Stack stack) {
        String colour = stack.activeColour();
        String port = stack.setting(colour.toUpperCase() + "_PORT");
        Stack.Reply scrape = stack.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                .header("X-API-Key", stack.apiKey).GET());
        if (scrape.status() != 200) {
            throw new IllegalStateException("scrape of " + colour + ": HTTP " + scrape.status());
        }
        Matcher matcher = KAFKA_DOCUMENTS.matcher(scrape.body());
        long total = 0;
        while (matcher.find()) {
            total += (long) Double.parseDouble(matcher.group(1));
        }
        return total;
    }
}
