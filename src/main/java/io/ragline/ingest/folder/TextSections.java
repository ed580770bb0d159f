package io.ragline.ingest.folder;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Reads a text file as a sequence of sections of about {@code targetChars}, ending at a paragraph break
 * where there is one, so a file of any size is chunked with a few sections in memory at a time. A section
 * never exceeds twice the target: without paragraph breaks it ends at a line, without lines mid-text.
 */
public class TextSections implements Iterator<String>, Closeable {

    private final BufferedReader reader;
    private final int targetChars;
    private String next;
    private boolean exhausted;

    public TextSections(Path file, int targetChars) throws IOException {
        // malformed bytes become U+FFFD instead of failing the whole file, as Tika does for text
        this.reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)));
        this.targetChars = targetChars;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !exhausted) {
            next = readSection();
        }
        return next != null;
    }

    @Override
    public String next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        String section = next;
        next = null;
        return section;
    }

    private String readSection() {
        StringBuilder section = new StringBuilder(targetChars + 1024);
        try {
            while (true) {
                int lineStart = section.length();
                String line = readLine(2 * targetChars - section.length());
                if (line == null) {
                    exhausted = true;
                    break;
                }
                section.append(line);
                boolean paragraphBreak = line.isBlank() && lineStart > 0;
                if ((section.length() >= targetChars && paragraphBreak) || section.length() >= 2 * targetChars) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return section.isEmpty() ? null : section.toString();
    }

    /** One line with its line break, or at most {@code limit} characters of it; null at the end. */
    private String readLine(int limit) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while (line.length() < Math.max(limit, 1) && (c = reader.read()) != -1) {
            line.append((char) c);
            if (c == '\n') {
                break;
            }
        }
        return line.isEmpty() ? null : line.toString();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
