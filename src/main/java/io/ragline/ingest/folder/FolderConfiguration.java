package io.ragline.ingest.folder;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

import io.ragline.chunking.TokenAwareChunker;
import io.ragline.ingest.DocumentIndex;
import io.ragline.ingest.IngestSettings;
import io.ragline.metrics.RaglineMetrics;
import io.ragline.store.VectorStore;
import io.ragline.text.TextNormaliser;

/** The watched inbox. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FolderSettings.class)
public class FolderConfiguration {

    @Bean
    FolderKeys folderKeys(IngestSettings ingest) {
        return new FolderKeys(ingest.inbox());
    }

    @Bean
    ReplacedFiles replacedFiles(IngestSettings ingest, FolderKeys keys) {
        return new ReplacedFiles(ingest.inbox(), keys);
    }

    @Bean
    FailedFileNotes failedFileNotes(IngestSettings ingest, RaglineMetrics metrics) {
        return new FailedFileNotes(ingest.inbox(), metrics);
    }

    @Bean
    FolderMirror folderMirror(IngestSettings ingest, VectorStore store, DocumentIndex index) {
        return new FolderMirror(ingest.inbox(), store, index);
    }

    @Bean
    LargeTextFiles largeTextFiles(FolderSettings folder, TextNormaliser normaliser, TokenAwareChunker chunker, FolderKeys keys, MeterRegistry registry) {
        return new LargeTextFiles(folder.streamThresholdBytes(), normaliser, chunker, keys, new LargeFileProgress(registry));
    }

    @Bean
    FileSources fileSources(IngestSettings ingest, LargeTextFiles largeTextFiles) {
        return new FileSources(ingest.maxFileBytes(), ingest.inbox(), largeTextFiles);
    }
}
