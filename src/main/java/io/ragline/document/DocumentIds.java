package io.ragline.document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Stable ids and content hashes: the same input always yields the same id. */
public final class DocumentIds {

    private DocumentIds() {
    }

    /** Id of a file, from its client and its path relative to the inbox. */
    public static String forSource(String clientId, String source) {
        return "f-" + sha256(clientId + "\n" + source).substring(0, 24);
    }

    /** Id of anonymous text, from its content. */
    public static String forContent(String text) {
        return "h-" + sha256(text).substring(0, 24);
    }

    public static String contentHash(String title, String text) {
        return sha256(title + "\n\n" + text);
    }

    public static String sha256(String value) {
        return sha256(value.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(newDigest().digest(bytes));
    }

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
