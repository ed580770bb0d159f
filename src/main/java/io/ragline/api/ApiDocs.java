package io.ragline.api;

import java.util.Map;

import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.RestParamType;

/** What the REST operations of every feature say about themselves in the OpenAPI document. */
public final class ApiDocs {

    private static final Map<Integer, String> ERRORS = Map.of(
            400, "Bad input, named in error (and the limit's key)",
            401, "No API key, or an unknown one (once keys are configured)",
            403, "The key lacks the role, or names another client",
            404, "Unknown document",
            413, "Body over ragline.limits.request-bytes",
            429, "The client's rate limit; Retry-After says when to come back",
            503, "A dependency is down or the application is not ready yet; Retry-After says when to come back");

    private ApiDocs() {
    }

    /** The error answers an operation may give, each with the {@link ApiError} body. */
    public static RestDefinition errors(RestDefinition operation, int... codes) {
        for (int code : codes) {
            operation.responseMessage().code(code).message(ERRORS.get(code)).responseModel(ApiError.class).endResponseMessage();
        }
        return operation;
    }

    /** The client the request acts for; with API keys, the key's own client (another is a 403). */
    public static RestDefinition clientParameter(RestDefinition operation) {
        return operation.param().name("client_id").type(RestParamType.query).required(false).dataType("string")
                .description("The client; default when left out. With API keys, the key's own client").endParam();
    }
}
