package io.ragline.api;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Answers what no route does (no such path, a method or media type no route takes) in the API's own shape,
 * {@code {"success": false, "error"}}, in JSON whatever the client accepts, instead of Spring Boot's error
 * page. Only the status's meaning is told: never an exception, a stack trace or a message from inside.
 */
@RestController
public class ApiErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        // asked for directly, not forwarded with an error, it is a path like any other that is not there
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus forwarded = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        HttpStatus status = code == null ? HttpStatus.NOT_FOUND : forwarded == null ? HttpStatus.INTERNAL_SERVER_ERROR : forwarded;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", false);
        body.put("error", describe(status));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    static String describe(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "no such endpoint";
            case METHOD_NOT_ALLOWED -> "this endpoint does not take that HTTP method";
            case UNSUPPORTED_MEDIA_TYPE -> "the request body must be sent as Content-Type: application/json";
            case NOT_ACCEPTABLE -> "no answer in a media type the Accept header takes";
            // Tomcat's own read timeout, which RequestBodyLimit sets to the same limit
            case REQUEST_TIMEOUT -> "the request body was not sent in time (ragline.limits.body-read-timeout)";
            case INTERNAL_SERVER_ERROR -> "internal error";
            default -> status.getReasonPhrase().toLowerCase(Locale.ROOT);
        };
    }
}
