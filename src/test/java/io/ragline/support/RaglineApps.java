package io.ragline.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.ragline.RaglineApplication;

/** Applications of their own, for tests that restart, kill or run several of them: every folder under {@code work}. */
public final class RaglineApps {

    private RaglineApps() {
    }

    /** Every state folder under {@code work}; a key in {@code extra} must not repeat one of these. */
    public static List<String> args(Path work, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--ragline.ingest.inbox=" + work.resolve("inbox"),
                "--ragline.ingest.idempotency.path=" + work.resolve("idempotency"),
                "--ragline.store.lucene.path=" + work.resolve("index"),
                "--spring.artemis.embedded.data-directory=" + work.resolve("artemis")));
        args.addAll(List.of(extra));
        return args;
    }

    public static ConfigurableApplicationContext start(Path work, String... extra) {
        List<String> args = args(work, extra);
        args.add("--server.port=0");
        return new SpringApplicationBuilder(RaglineApplication.class).run(args.toArray(String[]::new));
    }

    public static RaglineHttp http(ConfigurableApplicationContext app) {
        return new RaglineHttp(((WebServerApplicationContext) app).getWebServer().getPort());
    }
}
