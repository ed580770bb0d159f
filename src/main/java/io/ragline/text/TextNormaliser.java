package io.ragline.text;

import java.text.Normalizer;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import io.ragline.document.DocumentRejectedException;

/** Canonical text: NFC, no control characters, single spaces, at most one blank line between paragraphs. */
@Component
public class TextNormaliser {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\n\\t]]");
    private static final Pattern HORIZONTAL_SPACE = Pattern.compile("[\\t\\x0B\\f\\p{Zs}]+");
    private static final Pattern SPACE_AROUND_NEWLINE = Pattern.compile(" *\\n *");
    private static final Pattern MANY_NEWLINES = Pattern.compile("\\n{3,}");

    /** @throws DocumentRejectedException when nothing but whitespace remains */
    public String normalise(String text) {
        if (text == null) {
            throw new DocumentRejectedException("document has no text");
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFC)
                .replace("\r\n", "\n")
                .replace('\r', '\n')
                .replace('\u2028', '\n')
                .replace('\u2029', '\n');
        s = CONTROL.matcher(s).replaceAll("");
        s = HORIZONTAL_SPACE.matcher(s).replaceAll(" ");
        s = SPACE_AROUND_NEWLINE.matcher(s).replaceAll("\n");
        s = MANY_NEWLINES.matcher(s).replaceAll("\n\n").strip();
        if (s.isEmpty()) {
            throw new DocumentRejectedException("document has no text after normalisation");
        }
        return s;
    }
}
