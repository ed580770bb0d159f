package io.ragline.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.ragline.support.TestServices;
import io.ragline.support.RequiresServices;

/** On a real Redis: an answer drawn before a document change of its client is cached in neither tier. */
@Tag("slow")
@RequiresServices
class RedisAnswerCacheTest {

    private final LettuceConnectionFactory connections = connect();
    private final RedisAnswerCache cache = new RedisAnswerCache(new StringRedisTemplate(connections), Duration.ofMinutes(10), 1_000_000);
    private final String client = "c" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void close() {
        connections.destroy();
    }

    @Test
    void anAnswerDrawnBeforeADocumentChangeIsNotCached() {
        AnswerKey key = AnswerKey.of(client, "Where do tapirs live?", 5, "");
        long lookedUpAt = cache.generation(client);

        cache.invalidateClient(client);
        cache.forgetDocument(client, "tapirs");
        cache.put(key, lookedUpAt, new CachedAnswer("drawn from the old index", Set.of("tapirs")), Duration.ofHours(1));

        assertThat(cache.generation(client)).isEqualTo(lookedUpAt + 1);
        assertThat(cache.fresh(key, cache.generation(client))).isEmpty();
        assertThat(cache.lastGood(key)).as("not even for the fallback").isEmpty();
        cache.put(key, cache.generation(client), new CachedAnswer("drawn after the change", Set.of("tapirs")), Duration.ofHours(1));
        assertThat(cache.fresh(key, cache.generation(client))).contains("drawn after the change");
        assertThat(cache.lastGood(key)).contains("drawn after the change");
    }

    private static LettuceConnectionFactory connect() {
        LettuceConnectionFactory factory = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration(TestServices.redisHost(), TestServices.redisPort()));
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }
}
