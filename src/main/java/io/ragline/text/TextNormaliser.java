package io.ragline.text;

import java.text.Normalizer;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import io.ragline.document.DocumentRejectedException;

/**
 * Canonical text: NFC, no control, format, private-use or unassigned characters, single spaces, at most
 * one blank line between paragraphs. The one rule for "no visible text", shared by questions and
 * documents: what is left must hold a letter, a digit, a punctuation mark or a symbol. Marks alone
 * decorate nothing, and what this removes the model's tokenizer drops too, so a text refused here is one
 * that would reach the model as zero tokens.
 */
@Component
public class TextNormaliser {

    /** Control, format, private-use, surrogate and unassigned (noncharacters among them), but for newline and tab. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cs}\\p{Cn}&&[^\\n\\t]]");
    private static final Pattern VISIBLE = Pattern.compile("[\\p{L}\\p{N}\\p{P}\\p{S}]");
    private static final Pattern HORIZONTAL_SPACE = Pattern.compile("[\\t\\x0B\\f\\p{Zs}]+");
    private static final Pattern SPACE_AROUND_NEWLINE = Pattern.compile(" *\\n *");
    private static final Pattern MANY_NEWLINES = Pattern.compile("\\n{3,}");

    /** @throws DocumentRejectedException when no visible character remains */
    public String normalise(String text) {
        if (text == null) {
            throw new DocumentRejectedException("document has no text");
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFC)
                .replace("\r\n", "\n")
                .replace('\r', '\n')
                .replace('\u2028', '\n')
                .replace('\u2029', '\n');
        s = INVISIBLE.matcher(s).replaceAll("");
        s = HORIZONTAL_SPACE.matcher(s).replaceAll(" ");
        s = SPACE_AROUND_NEWLINE.matcher(s).replaceAll("\n");
        s = MANY_NEWLINES.matcher(s).replaceAll("\n\n").strip();
        if (!VISIBLE.matcher(s).find()) {
            throw new DocumentRejectedException("document has no text after normalisation: no letter, digit, punctuation or symbol");
        }
        return s;
    }
}
