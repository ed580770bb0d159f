package io.ragline.idempotency;

import java.time.Clock;

import org.apache.camel.spi.IdempotentRepository;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdempotencySettings.class)
public class IdempotencyConfiguration {

    /** Bean name of the repository, for endpoint URIs ({@code idempotentRepository=#ingestRepository}). */
    public static final String REPOSITORY = "ingestRepository";

    /**
     * The ingest idempotent repository, keyed (client, document id, content hash): on the local disk by
     * default, shared by every replica that mounts the same directory.
     */
    @Bean(REPOSITORY)
    IdempotentRepository ingestRepository(IdempotencySettings settings) {
        return new DirectoryIdempotentRepository(settings.path(), settings.claimTimeout(), Clock.systemUTC());
    }
}
