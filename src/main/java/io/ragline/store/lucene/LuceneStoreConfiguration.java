package io.ragline.store.lucene;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.ragline.store.StoreSettings;

@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = StoreSettings.BACKEND, havingValue = "lucene", matchIfMissing = true)
@EnableConfigurationProperties(LuceneSettings.class)
public class LuceneStoreConfiguration {

    @Bean(destroyMethod = "close")
    LuceneVectorStore vectorStore(LuceneSettings settings) {
        return new LuceneVectorStore(settings);
    }
}
