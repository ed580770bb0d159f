package io.ragline.security;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import io.ragline.api.AuthenticatedClient;

/**
 * Hands the key's client to the routes in {@link AuthenticatedClient#HEADER}. Whatever a caller sent
 * under that name is dropped first, keys or not: it can only come from here. (Written by hand: the
 * routes read HTTP headers, and no library puts a principal there.)
 */
public class AuthenticatedClientFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String client = authentication instanceof ApiKeyAuthentication.ClientAuthentication key ? key.clientId() : null;
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String name) {
                return AuthenticatedClient.HEADER.equalsIgnoreCase(name) ? client : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                if (AuthenticatedClient.HEADER.equalsIgnoreCase(name)) {
                    return client == null ? Collections.emptyEnumeration() : Collections.enumeration(List.of(client));
                }
                return super.getHeaders(name);
            }

            @Override
            public Enumeration<String> getHeaderNames() {
                List<String> names = Collections.list(super.getHeaderNames()).stream()
                        .filter(name -> !AuthenticatedClient.HEADER.equalsIgnoreCase(name)).collect(Collectors.toList());
                if (client != null) {
                    names.add(AuthenticatedClient.HEADER);
                }
                return Collections.enumeration(names);
            }
        }, response);
    }
}
