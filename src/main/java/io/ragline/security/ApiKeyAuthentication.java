package io.ragline.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.AuthenticationConverter;

import jakarta.servlet.http.HttpServletRequest;

/**
 * API keys as Spring Security sees them: a converter reading {@code Authorization: Bearer <key>} or
 * {@code X-API-Key: <key>}, and a provider matching the key's SHA-256 against the configured ones.
 * Every configured hash is compared, in constant time, so the time taken says nothing about the key.
 */
public class ApiKeyAuthentication implements AuthenticationProvider, AuthenticationConverter {

    public static final String API_KEY_HEADER = "X-API-Key";
    private static final String BEARER = "Bearer ";

    private final List<SecuritySettings.ApiKey> keys;
    private final List<byte[]> hashes;

    public ApiKeyAuthentication(List<SecuritySettings.ApiKey> keys) {
        this.keys = List.copyOf(keys);
        this.hashes = keys.stream().map(key -> HexFormat.of().parseHex(key.sha256().toLowerCase())).toList();
    }

    @Override
    public Authentication convert(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return new KeyToken(authorization.substring(BEARER.length()).trim());
        }
        String key = request.getHeader(API_KEY_HEADER);
        return key == null ? null : new KeyToken(key.trim());
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        byte[] presented = sha256((String) authentication.getCredentials());
        SecuritySettings.ApiKey match = null;
        for (int i = 0; i < hashes.size(); i++) {
            if (MessageDigest.isEqual(hashes.get(i), presented) && match == null) {
                match = keys.get(i);
            }
        }
        if (match == null) {
            throw new BadCredentialsException("unknown API key");
        }
        return new ClientAuthentication(match);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return KeyToken.class.isAssignableFrom(authentication);
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A presented key, not yet checked. */
    static final class KeyToken extends AbstractAuthenticationToken {

        private final String key;

        KeyToken(String key) {
            super(List.of());
            this.key = key;
        }

        @Override
        public Object getCredentials() {
            return key;
        }

        @Override
        public Object getPrincipal() {
            return "api-key";
        }
    }

    /** A checked key: the client it acts for, and its roles as authorities. */
    public static final class ClientAuthentication extends AbstractAuthenticationToken {

        private final String clientId;

        ClientAuthentication(SecuritySettings.ApiKey key) {
            super(key.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList());
            this.clientId = key.clientId();
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return clientId;
        }

        public String clientId() {
            return clientId;
        }
    }
}
