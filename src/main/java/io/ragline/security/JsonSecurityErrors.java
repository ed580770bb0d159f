package io.ragline.security;

import java.io.IOException;
import java.util.Map;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ragline.api.RateLimitedException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** 401, 403 and 429 in the API's usual body, {@code {"success": false, "error": "..."}}. */
public class JsonSecurityErrors implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private final ObjectMapper json;

    public JsonSecurityErrors(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        write(response, 401, request.getHeader("Authorization") == null && request.getHeader(ApiKeyAuthentication.API_KEY_HEADER) == null
                ? "an API key is required: Authorization: Bearer <key> or X-API-Key: <key>"
                : "unknown API key");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied) throws IOException {
        write(response, 403, "this API key's roles do not allow " + request.getMethod() + " " + request.getRequestURI());
    }

    /** A request the firewall refuses (an encoded slash, a backslash, a control character in the path...). */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected) throws IOException {
        write(response, 400, "the request's URL is not accepted: it holds characters this API does not take in a path");
    }

    /** A client over its rate limit, refused before its body was read. */
    void rateLimited(HttpServletResponse response, RateLimitedException limited) throws IOException {
        response.setHeader("Retry-After", Long.toString(limited.retryAfterSeconds()));
        write(response, 429, limited.getMessage());
    }

    private void write(HttpServletResponse response, int status, String error) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        json.writeValue(response.getOutputStream(), Map.of("success", false, "error", error));
    }
}
