package io.ragline.api;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Writes an {@link ApiResponse} body as the HTTP reply: status code, JSON content type and body. */
@Component
public class ApiResponseWriter implements Processor {

    private final ObjectMapper json;

    public ApiResponseWriter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Object body = exchange.getMessage().getBody();
        ApiResponse response = body instanceof ApiResponse api ? api : ApiResponse.ok(body);
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, response.status());
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(json.writeValueAsBytes(response.body()));
    }
}
