package io.ragline.security;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import io.ragline.api.RateLimitedException;

/**
 * One resilience4j {@link RateLimiter} per client and kind of request, never waiting: a client over its
 * limit gets a 429 at once, before any dependency is called, and its limiter is its own, so it never
 * slows another client. Limiters of clients not seen for an hour are dropped (any number of client ids
 * may come and go when no keys are configured).
 */
public class ClientRateLimits {

    public enum Kind { QUERY, INGEST }

    private final SecuritySettings.RateLimits settings;
    private final Cache<String, RateLimiter> limiters = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterAccess(Duration.ofHours(1)).build();
    private final Counter queriesLimited;
    private final Counter ingestsLimited;

    public ClientRateLimits(SecuritySettings.RateLimits settings, MeterRegistry registry) {
        this.settings = settings;
        this.queriesLimited = Counter.builder("ragline.rate.limited").tag("kind", "query")
                .description("Requests refused with 429: the client was over its rate limit").register(registry);
        this.ingestsLimited = Counter.builder("ragline.rate.limited").tag("kind", "ingest")
                .description("Requests refused with 429: the client was over its rate limit").register(registry);
    }

    /**
     * @param authenticated the client of the request's API key: its limit was already taken before the
     *                      body was read ({@link RateLimitBeforeBody}); null when no keys are configured
     */
    public void checkQuery(String clientId, String authenticated) {
        if (authenticated == null) {
            check(Kind.QUERY, clientId);
        }
    }

    /** @param authenticated as for {@link #checkQuery(String, String)} */
    public void checkIngest(String clientId, String authenticated) {
        if (authenticated == null) {
            check(Kind.INGEST, clientId);
        }
    }

    void check(Kind kind, String clientId) {
        SecuritySettings.ClientLimits limits = settings.of(clientId);
        SecuritySettings.Limit limit = kind == Kind.QUERY ? limits.query() : limits.ingest();
        if (!limit.limited()) {
            return;
        }
        RateLimiter limiter = limiters.get(kind + ":" + clientId, name -> RateLimiter.of(name, RateLimiterConfig.custom()
                .limitForPeriod(limit.limitForPeriod()).limitRefreshPeriod(limit.period()).timeoutDuration(Duration.ZERO).build()));
        if (!limiter.acquirePermission()) {
            (kind == Kind.QUERY ? queriesLimited : ingestsLimited).increment();
            long retryAfter = (long) Math.ceil(limit.period().toMillis() / 1000.0);
            throw new RateLimitedException("client " + clientId + " is over its " + kind.name().toLowerCase()
                    + " rate limit (" + limit.limitForPeriod() + " per " + limit.period().toSeconds() + " s); retry later", retryAfter);
        }
    }
}
