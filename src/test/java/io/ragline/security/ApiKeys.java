package io.ragline.security;

import java.util.HexFormat;
import java.util.List;

/** Keys for the tests, and the settings that configure their hashes. */
public final class ApiKeys {

    public static final String ACME = "acme-key-5f2c";
    public static final String GLOBEX = "globex-key-91ab";
    public static final String ADMIN = "admin-key-77de";

    private ApiKeys() {
    }

    public static List<String> settings() {
        return List.of(
                "--ragline.security.api-keys[0].sha256=" + sha256(ACME),
                "--ragline.security.api-keys[0].client-id=acme",
                "--ragline.security.api-keys[0].roles=query,ingest",
                "--ragline.security.api-keys[1].sha256=" + sha256(GLOBEX),
                "--ragline.security.api-keys[1].client-id=globex",
                "--ragline.security.api-keys[1].roles=query",
                "--ragline.security.api-keys[2].sha256=" + sha256(ADMIN),
                "--ragline.security.api-keys[2].client-id=operations",
                "--ragline.security.api-keys[2].roles=admin");
    }

    public static String sha256(String key) {
        return HexFormat.of().formatHex(ApiKeyAuthentication.sha256(key));
    }
}
