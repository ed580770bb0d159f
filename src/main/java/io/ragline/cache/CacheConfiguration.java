package io.ragline.cache;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CacheSettings.class)
public class CacheConfiguration {

    @Bean
    AnswerCache answerCache(CacheSettings settings) {
        return new CaffeineAnswerCache(settings.ttl(), settings.maxBytes().toBytes());
    }
}
