package io.ragline.resilience;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

import io.ragline.api.ApiResponse;
import io.ragline.api.ApiResponseWriter;
import io.ragline.api.InvalidRequestException;
import io.ragline.api.NotFoundException;
import io.ragline.ingest.DocumentRejectedException;
import io.ragline.ingest.FailedFileNotes;

/**
 * Every error policy, in one place. Routes opt in by id:
 * <ul>
 * <li>{@link #API}: HTTP entry routes; bad input is a 4xx with an {@code error} field, anything else a 500.</li>
 * <li>{@link #FILE_INGEST}: the folder consumer; the file moves to {@code .failed/} beside a note with the reason.</li>
 * <li>{@link #INTERNAL}: {@code direct:} stages; failures go back to the entry route that owns the policy.</li>
 * </ul>
 */
@Component
public class ErrorPolicy extends RouteConfigurationBuilder {

    public static final String API = "api-errors";
    public static final String FILE_INGEST = "file-ingest-errors";
    public static final String INTERNAL = "internal-errors";

    private final ApiResponseWriter responses;
    private final FailedFileNotes failedFileNotes;

    public ErrorPolicy(ApiResponseWriter responses, FailedFileNotes failedFileNotes) {
        this.responses = responses;
        this.failedFileNotes = failedFileNotes;
    }

    @Override
    public void configuration() {
        routeConfiguration(API)
                .onException(InvalidRequestException.class, DocumentRejectedException.class)
                    .handled(true)
                    .logExhausted(false)
                    .setBody(exchange -> ApiResponse.error(400, caughtMessage(exchange)))
                    .process(responses)
                .end()
                .onException(NotFoundException.class)
                    .handled(true)
                    .logExhausted(false)
                    .setBody(exchange -> ApiResponse.error(404, caughtMessage(exchange)))
                    .process(responses)
                .end()
                .onException(Exception.class)
                    .handled(true)
                    .log(LoggingLevel.ERROR, "Request failed: ${exception.message}")
                    .setBody(exchange -> ApiResponse.error(500, "internal error: " + caughtMessage(exchange)))
                    .process(responses)
                .end();

        routeConfiguration(FILE_INGEST)
                .onException(Exception.class)
                    // not handled: the file consumer then moves the file to .failed/
                    .handled(false)
                    .logExhausted(false)
                    .process(failedFileNotes)
                .end();

        routeConfiguration(INTERNAL).errorHandler(noErrorHandler());
    }

    static String caughtMessage(Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        return caught == null || caught.getMessage() == null ? "unknown error" : caught.getMessage();
    }
}
