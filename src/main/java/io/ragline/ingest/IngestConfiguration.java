package io.ragline.ingest;

import org.apache.camel.spi.IdempotentRepository;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.ragline.cache.AnswerCache;
import io.ragline.document.Limits;
import io.ragline.store.VectorStore;

/** The pipeline every source feeds; the sources wire themselves in their own packages. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({IngestSettings.class, UserRoutesSettings.class})
public class IngestConfiguration {

    @Bean(destroyMethod = "close")
    ContentExtractor contentExtractor(Limits limits) {
        return new ContentExtractor(limits);
    }

    @Bean
    DocumentIndex documentIndex(VectorStore store, AnswerCache cache, IdempotentRepository ingestRepository) {
        return new DocumentIndex(store, cache, ingestRepository);
    }
}
