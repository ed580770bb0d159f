package io.ragline.cache;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CacheSettings.class)
public class CacheConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(CacheConfiguration.class);

    CacheConfiguration(CacheSettings settings) {
        if (settings.maxEntries() != null) {
            LOG.warn("ragline.cache.max-entries no longer applies: the answer cache is bounded in bytes,"
                    + " ragline.cache.max-bytes (now {})", settings.maxBytes());
        }
    }

    @Bean
    @ConditionalOnProperty(name = CacheSettings.BACKEND, havingValue = "caffeine", matchIfMissing = true)
    AnswerCache caffeineAnswerCache(CacheSettings settings) {
        return new CaffeineAnswerCache(settings.ttl(), settings.maxBytes().toBytes());
    }

    @Bean
    @ConditionalOnProperty(name = CacheSettings.BACKEND, havingValue = "redis")
    AnswerCache redisAnswerCache(CacheSettings settings, StringRedisTemplate redis) {
        return new RedisAnswerCache(redis, settings.ttl(), settings.maxAnswerBytes());
    }
}
