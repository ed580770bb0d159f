package io.ragline.ingest.http;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import io.ragline.api.ApiPaths;
import io.ragline.api.BodyLimit;
import io.ragline.api.JsonBodies;
import io.ragline.document.DocumentRules;
import io.ragline.document.Limits;
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

    /** A delete names everything in its path and query string: its body, if any, is never needed. */
    @Bean
    BodyLimit deleteBodyLimit(Limits limits) {
        return BodyLimit.small(limits, HttpMethod.DELETE, ApiPaths.DOCUMENTS, ApiPaths.DOCUMENTS + "/**");
    }

    /** So is a listing's. */
    @Bean
    BodyLimit listBodyLimit(Limits limits) {
        return BodyLimit.small(limits, HttpMethod.GET, ApiPaths.DOCUMENTS);
    }

    @Bean
    DocumentListing documentListing(DocumentIndex index, ClientRateLimits rateLimits, IngestSettings settings) {
        return new DocumentListing(index, rateLimits, settings.listLimit(), settings.maxListLimit());
    }

    @Bean
    DocumentDeletion documentDeletion(DocumentIndex index, DocumentRules rules, ClientRateLimits rateLimits) {
        return new DocumentDeletion(index, rules, rateLimits);
    }
}
