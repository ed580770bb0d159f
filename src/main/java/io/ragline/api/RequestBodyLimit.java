package io.ragline.api;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ragline.document.Limits;

/**
 * Reads an API request's body before anything parses it: past {@code ragline.limits.request-bytes}, or
 * past the tighter {@link BodyLimit} of its endpoint, the request is answered 413 at once, a body that is
 * not UTF-8 400, so neither ever reaches a JSON tree.
 * Written here because neither Tomcat ({@code maxPostSize} covers form posts only) nor Spring limits a
 * raw request body.
 */
public class RequestBodyLimit extends OncePerRequestFilter {

    private final BodyLimit general;
    private final List<BodyLimit> endpoints;
    private final Duration readTimeout;
    private final ObjectMapper json;

    public RequestBodyLimit(Limits limits, List<BodyLimit> endpoints, ObjectMapper json) {
        this.readTimeout = limits.bodyReadTimeout();
        this.general = new BodyLimit(null, List.of(), limits.requestBytes(), "ragline.limits.request-bytes");
        this.endpoints = List.copyOf(endpoints);
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        BodyLimit limit = limitOf(request);
        long maxBytes = limit.maxBytes().toBytes();
        if (request.getContentLengthLong() > maxBytes) {
            refuse(response, 413, tooLarge(limit));
            return;
        }
        byte[] body;
        try {
            body = readAtMost(request.getInputStream(), maxBytes + 1, request.getContentLengthLong(), System.nanoTime() + readTimeout.toNanos());
        } catch (ReadTimeout e) {
            refuse(response, 408, "the request body was not sent in time (ragline.limits.body-read-timeout)");
            return;
        }
        if (body.length > maxBytes) {
            refuse(response, 413, tooLarge(limit));
            return;
        }
        if (body.length > 0 && !isUtf8(body)) {
            refuse(response, 400, "request body is not valid UTF-8 text");
            return;
        }
        chain.doFilter(new ReadBody(request, body), response);
    }

    private BodyLimit limitOf(HttpServletRequest request) {
        // parsed once per request, not once per limit
        PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
        return endpoints.stream().filter(limit -> limit.matches(request.getMethod(), path)).findFirst().orElse(general);
    }

    private static String tooLarge(BodyLimit limit) {
        return "request body is larger than " + limit.maxBytes().toBytes() + " bytes (" + limit.key() + ")";
    }

    private void refuse(HttpServletResponse response, int status, String error) throws IOException {
        // the rest of the body is not read: Tomcat swallows none of it (maxSwallowSize 0) and closes
        response.setHeader(HttpHeaders.CONNECTION, "close");
        FilterErrors.write(response, json, status, error);
    }

    /**
     * Each read waits at most the connector's upload timeout (set to the same limit); the whole body must
     * arrive by the deadline, so a client sending a byte now and then cannot hold the thread either.
     */
    private static byte[] readAtMost(InputStream in, long limit, long declaredLength, long deadline) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        try {
            while (out.size() < limit && (read = in.read(buffer, 0, (int) Math.min(buffer.length, limit - out.size()))) != -1) {
                out.write(buffer, 0, read);
                boolean complete = declaredLength >= 0 && out.size() >= declaredLength;
                if (!complete && System.nanoTime() - deadline > 0) {
                    throw new ReadTimeout();
                }
            }
        } catch (ReadTimeout e) {
            throw e;
        } catch (IOException e) {
            // Tomcat reports a read past its upload timeout as a client abort caused by the timeout
            if (e instanceof SocketTimeoutException || e.getCause() instanceof SocketTimeoutException) {
                throw new ReadTimeout();
            }
            throw e;
        }
        return out.toByteArray();
    }

    /** The body did not arrive in time. */
    private static final class ReadTimeout extends IOException {
    }

    private static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The request with its body already read. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                /** The whole body is in memory: it is available now, and then all read. */
                @Override
                public void setReadListener(ReadListener listener) {
                    try {
                        listener.onDataAvailable();
                        listener.onAllDataRead();
                    } catch (IOException e) {
                        listener.onError(e);
                    }
                }
            };
        }

        /** JSON is UTF-8 (RFC 8259), and the body was checked to be valid UTF-8. */
        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
