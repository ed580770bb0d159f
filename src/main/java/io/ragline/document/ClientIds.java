package io.ragline.document;

import java.util.regex.Pattern;

/** Client ids name folders and partition every index: keep them to a safe alphabet. */
public final class ClientIds {

    public static final String DEFAULT = "default";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private ClientIds() {
    }

    /** The given id, or {@code default} when absent; rejects ids outside the safe alphabet. */
    public static String resolve(String clientId) {
        if (clientId == null || clientId.isBlank()) {
            return DEFAULT;
        }
        if (!VALID.matcher(clientId).matches()) {
            throw new DocumentRejectedException(
                    "client_id must be 1-64 characters of letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return clientId;
    }
}
