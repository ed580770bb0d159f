package io.ragline.api;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * What Tomcat refuses itself, before any filter or route (a header over the size limit, too many headers,
 * a malformed {@code Content-Length}, {@code TRACE}), answered in the API's JSON shape instead of
 * Tomcat's HTML page, with nothing of the request in it. Errors a filter or route answers are already
 * written and left alone.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"success\":false,\"error\":\"" + describe(status) + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is already gone: nothing left to tell the client
        }
    }

    /** Fixed texts only: nothing the client sent is written back. */
    static String describe(int status) {
        return switch (status) {
            case 400 -> "the request is malformed (its request line, headers or length cannot be read)";
            case 405 -> "this HTTP method is not accepted";
            case 408 -> "the request was not sent in time";
            case 413 -> "the request is too large";
            case 414 -> "the request's URL is too long";
            case 431 -> "the request's headers are too large";
            case 501 -> "this HTTP method is not implemented";
            case 505 -> "this HTTP version is not supported";
            default -> status < 500 ? "the request was refused (HTTP " + status + ")" : "internal error (HTTP " + status + ")";
        };
    }
}
