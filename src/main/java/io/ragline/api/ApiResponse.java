package io.ragline.api;

import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP status and the object to send as its JSON body. */
public record ApiResponse(int status, Object body) {

    public static ApiResponse ok(Object body) {
        return new ApiResponse(200, body);
    }

    public static ApiResponse error(int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", false);
        body.put("error", message);
        return new ApiResponse(status, body);
    }
}
