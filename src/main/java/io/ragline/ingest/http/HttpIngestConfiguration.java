package io.ragline.ingest.http;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.ragline.api.JsonBodies;
import io.ragline.document.DocumentRules;
import io.ragline.ingest.DocumentIndex;
import io.ragline.ingest.IngestSettings;
import io.ragline.security.ClientRateLimits;
import io.ragline.text.TextNormaliser;

/** Documents posted over HTTP. */
@Configuration(proxyBeanMethods = false)
public class HttpIngestConfiguration {

    @Bean
    DocumentsRequestParser documentsRequestParser(JsonBodies json, TextNormaliser normaliser, DocumentRules rules,
                                                  IngestSettings settings) {
        return new DocumentsRequestParser(json, normaliser, rules, settings.maxDocumentsPerRequest());
    }

    @Bean
    DocumentDeletion documentDeletion(DocumentIndex index, DocumentRules rules, ClientRateLimits rateLimits) {
        return new DocumentDeletion(index, rules, rateLimits);
    }
}
