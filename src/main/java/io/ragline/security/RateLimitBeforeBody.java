package io.ragline.security;

import java.io.IOException;

import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.ragline.api.RateLimitedException;

/**
 * With keys configured the client is known from the key, so its rate limit is taken before a byte of
 * the body is read: a client over its limit costs the server a header's worth of work. The routes then
 * leave that request alone ({@link ClientRateLimits#checkQuery(String, String)}). Without keys the
 * client is named in the body, and the routes check it once the (bounded) body is read.
 */
class RateLimitBeforeBody extends OncePerRequestFilter {

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    private final ClientRateLimits rateLimits;
    private final RequestMatcher queries;
    private final RequestMatcher ingests;
    private final JsonSecurityErrors errors;

    RateLimitBeforeBody(ClientRateLimits rateLimits, String queryPath, String documentsPath, JsonSecurityErrors errors) {
        this.rateLimits = rateLimits;
        this.queries = PATHS.matcher(HttpMethod.POST, queryPath);
        this.ingests = new OrRequestMatcher(PATHS.matcher(HttpMethod.POST, documentsPath),
                PATHS.matcher(HttpMethod.DELETE, documentsPath), PATHS.matcher(HttpMethod.DELETE, documentsPath + "/**"));
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof ApiKeyAuthentication.ClientAuthentication key) {
            try {
                if (queries.matches(request)) {
                    rateLimits.check(ClientRateLimits.Kind.QUERY, key.clientId());
                } else if (ingests.matches(request)) {
                    rateLimits.check(ClientRateLimits.Kind.INGEST, key.clientId());
                }
            } catch (RateLimitedException limited) {
                errors.rateLimited(response, limited);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
