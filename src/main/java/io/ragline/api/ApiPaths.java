package io.ragline.api;

/** The API's paths, shared by the routes that serve them and the security rules that guard them. */
public final class ApiPaths {

    public static final String QUERY = "/api/query";
    public static final String DOCUMENTS = "/api/documents";

    private ApiPaths() {
    }
}
