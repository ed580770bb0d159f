package io.ragline.text;

/**
 * Tells text from binary data that was decoded as text (random bytes in a file named {@code .txt}):
 * such text is full of control characters and replacement characters, which real text hardly has.
 */
public final class BinaryText {

    private static final int SAMPLE_CHARS = 16_384;
    /** Real text, even with stray control characters, stays far below this share. */
    private static final double MAX_SUSPICIOUS_SHARE = 0.02;

    private BinaryText() {
    }

    public static boolean looksBinary(CharSequence text) {
        int length = Math.min(text.length(), SAMPLE_CHARS);
        if (length == 0) {
            return false;
        }
        int suspicious = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\uFFFD' || (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f')) {
                suspicious++;
            }
        }
        return suspicious > length * MAX_SUSPICIOUS_SHARE;
    }
}
