package io.ragline.ingest.folder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.ragline.document.ClientIds;
import io.ragline.document.DocumentIds;

/**
 * Identity of a file in the inbox, from its path relative to the inbox: {@code <client>/...} belongs to
 * that client, a file at the root to {@code default}. Its documents record the source
 * {@code inbox:<relative path>}, which is how mirror mode finds the file again.
 */
public final class FolderFiles {

    public static final String SOURCE_PREFIX = "inbox:";

    private FolderFiles() {
    }

    public static String clientOf(String relative) {
        String path = normalise(relative);
        int slash = path.indexOf('/');
        return ClientIds.resolve(slash > 0 ? path.substring(0, slash) : null);
    }

    public static String documentIdOf(String relative) {
        String path = normalise(relative);
        return DocumentIds.forSource(clientOf(path), path);
    }

    public static String sourceOf(String relative) {
        return SOURCE_PREFIX + normalise(relative);
    }

    /** @return the relative path a source names, or null when it is not an inbox file */
    public static String relativeOf(String source) {
        return source != null && source.startsWith(SOURCE_PREFIX) ? source.substring(SOURCE_PREFIX.length()) : null;
    }

    /**
     * Whether the file is a link, or reached through one, or otherwise lies outside the inbox: such a
     * file is never read, so the inbox cannot be used to ingest (or move) files from elsewhere.
     */
    public static boolean isOutside(Path inbox, Path file) {
        try {
            return Files.isSymbolicLink(file) || !file.toRealPath().startsWith(inbox.toRealPath());
        } catch (IOException e) {
            return true; // gone, or unreadable: not ours to read either way
        }
    }

    public static String fileNameOf(String relative) {
        String path = normalise(relative);
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String normalise(String relative) {
        return relative.replace('\\', '/');
    }
}
