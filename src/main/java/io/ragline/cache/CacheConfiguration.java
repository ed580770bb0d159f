package io.ragline.cache;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CacheSettings.class)
public class CacheConfiguration {

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
