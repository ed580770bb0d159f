package io.ragline.ingest.http;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ragline.ingest.DocumentIndex;
import io.ragline.ingest.IngestSettings;
import io.ragline.ingest.TextNormaliser;

/** Documents posted over HTTP. */
@Configuration(proxyBeanMethods = false)
public class HttpIngestConfiguration {

    @Bean
    DocumentsRequestParser documentsRequestParser(ObjectMapper json, TextNormaliser normaliser, IngestSettings settings) {
        return new DocumentsRequestParser(json, normaliser, settings.maxDocumentsPerRequest());
    }

    @Bean
    DocumentDeletion documentDeletion(DocumentIndex index) {
        return new DocumentDeletion(index);
    }
}
