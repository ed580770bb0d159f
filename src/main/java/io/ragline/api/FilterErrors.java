package io.ragline.api;

import java.io.IOException;

import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletResponse;

/** An error answered by a servlet filter, before any route, in the API's own JSON shape. */
final class FilterErrors {

    private FilterErrors() {
    }

    static void write(HttpServletResponse response, ObjectMapper json, int status, String error) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), ApiResponse.error(status, error).body());
    }
}
