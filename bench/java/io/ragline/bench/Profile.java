package io.ragline.bench;

import java.nio.file.Files;
import java.util.*;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import io.ragline.RaglineApplication;
import io.ragline.query.*;
import io.ragline.store.VectorStore;
import io.ragline.embedding.*;
import io.ragline.ingest.ParsedDocument;
import io.ragline.support.RaglineHttp;

public class Profile {
    public static void main(String[] a) throws Exception {
        var work = Files.createTempDirectory("prof");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RaglineApplication.class).run("--server.port=0", "--logging.level.root=WARN", "--ragline.ingest.folder-enabled=false", "--ragline.store.lucene.num-candidates=" + a[0], "--ragline.store.lucene.path=" + work.resolve("i"))) {
            VectorStore store = app.getBean(VectorStore.class);
            HybridRetrieval r = app.getBean(HybridRetrieval.class);
            AnswerComposer composer = app.getBean(AnswerComposer.class);
            RaglineHttp http = new RaglineHttp(((WebServerApplicationContext) app).getWebServer().getPort());
            var vectors = new RaglineBench.ClusteredVectors(384, 256, 7);
            SyntheticText text = new SyntheticText(7, 20000);
            for (int doc = 0; doc < 1000; doc++) {
                List<EmbeddedChunk> chunks = new ArrayList<>();
                for (int c = 0; c < 100; c++) chunks.add(new EmbeddedChunk(c, text.paragraph(3), vectors.next()));
                store.upsertDocument(new EmbeddedDocument(new ParsedDocument("bench", "d" + doc, "Document " + doc, null, "", "h" + doc, Map.of()), chunks));
                if (doc % 10 == 9) store.commit();
            }
            SyntheticText q = new SyntheticText(5, 20000);
            for (int round = 0; round < 3; round++) {
                long te = 0, tv = 0, tk = 0, tf = 0, ta = 0, th = 0, tq = 0;
                for (int i = 0; i < 200; i++) {
                    QueryContext ctx = new QueryContext(new QueryRequest(q.sentence(), "bench", 5));
                    long t0 = System.nanoTime(); r.embedQuery(ctx);
                    long t1 = System.nanoTime(); r.vectorSearch(ctx);
                    long t2 = System.nanoTime(); r.keywordSearch(ctx);
                    long t3 = System.nanoTime(); r.fuse(ctx);
                    long t4 = System.nanoTime(); composer.compose(ctx);
                    long t5 = System.nanoTime(); http.get("/health/db");
                    long t6 = System.nanoTime(); http.post("/api/query", Map.of("query", q.sentence() + i, "client_id", "bench"));
                    long t7 = System.nanoTime();
                    te += t1 - t0; tv += t2 - t1; tk += t3 - t2; tf += t4 - t3; ta += t5 - t4; th += t6 - t5; tq += t7 - t6;
                }
                System.out.printf("per query ms: embed=%.2f vector=%.2f keyword=%.2f fuse=%.2f answer=%.2f | http health=%.2f http query=%.2f%n", te / 2e8, tv / 2e8, tk / 2e8, tf / 2e8, ta / 2e8, th / 2e8, tq / 2e8);
            }
        }
        System.exit(0);
    }
}
