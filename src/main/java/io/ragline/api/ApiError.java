package io.ragline.api;

/** The body of every error answer, as the OpenAPI document describes it ({@link ApiResponse#error} writes it). */
public record ApiError(boolean success, String error) {
}
