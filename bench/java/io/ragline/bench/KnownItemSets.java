package io.ragline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Real technical documentation every machine here has, built once per run by bench/quality/make_sets.py:
 * pages of the Python standard library's pydoc and of the installed man pages, each with the one-line
 * summary that is its known-item query.
 */
final class KnownItemSets {

    static final int PAGES_PER_SET = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    private KnownItemSets() {
    }

    /** The set's pages: {@code id}, {@code title}, {@code text}, {@code query}. */
    static List<JsonNode> pages(Path work, String set) throws IOException, InterruptedException {
        Path folder = work.resolve("known-item-sets");
        if (!Files.exists(folder.resolve("identifier.jsonl"))) {
            Process generator = new ProcessBuilder("python3", "bench/quality/make_sets.py", folder.toString(),
                    Integer.toString(PAGES_PER_SET)).inheritIO().start();
            if (generator.waitFor() != 0) {
                throw new IllegalStateException("bench/quality/make_sets.py failed");
            }
        }
        List<JsonNode> pages = new ArrayList<>();
        for (String line : Files.readAllLines(folder.resolve(set + ".jsonl"))) {
            if (!line.isBlank()) {
                pages.add(JSON.readTree(line));
            }
        }
        return pages;
    }

    /** Pages as the documents of an ingest request: id, title and text. */
    static List<Map<String, String>> documents(List<JsonNode> pages) {
        return pages.stream()
                .map(page -> Map.of("id", page.get("id").asText(), "title", page.get("title").asText(), "text", page.get("text").asText()))
                .toList();
    }
}
