package io.ragline.query;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A chunk's text as the sentences an extractive answer may quote. Chunks keep their document's layout
 * (Markdown headings and lists, a web page's title on a line of its own), and a sentence splitter alone
 * runs a heading into the sentence after it ("# Leave policy Full-time employees receive..."). So lines
 * are read first: a blank line, a heading, a list item or a title line ends what came before, and the
 * lines of wrapped prose are joined. Headings and title lines state nothing: they are quoted only when a
 * chunk holds nothing else.
 */
final class AnswerSentences {

    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+");
    private static final Pattern LIST_ITEM = Pattern.compile("^(?:[-*+\u2022]|\\d{1,3}[.)])\\s+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** A line this short, unpunctuated and followed by a capitalised one, is a title, not wrapped prose. */
    private static final int TITLE_LINE_WORDS = 8;

    private AnswerSentences() {
    }

    static List<String> of(String text) {
        List<String> sentences = new ArrayList<>();
        List<String> headings = new ArrayList<>();
        StringBuilder prose = new StringBuilder();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            Matcher heading = HEADING.matcher(line);
            Matcher item = LIST_ITEM.matcher(line);
            if (line.isEmpty()) {
                split(prose, sentences);
            } else if (heading.find()) {
                split(prose, sentences);
                addIfAny(headings, line.substring(heading.end()));
            } else if (item.find()) {
                split(prose, sentences);
                prose.append(line.substring(item.end()));
            } else if (prose.isEmpty() && isTitleLine(line, i + 1 < lines.length ? lines[i + 1].strip() : "")) {
                headings.add(line);
            } else {
                prose.append(prose.isEmpty() ? "" : " ").append(line);
            }
        }
        split(prose, sentences);
        if (sentences.isEmpty() && headings.isEmpty()) {
            addIfAny(sentences, text); // nothing but markers, such as a lone "#": quoted as it stands
        }
        return sentences.isEmpty() ? headings : sentences;
    }

    private static boolean isTitleLine(String line, String next) {
        return !next.isEmpty() && (Character.isUpperCase(next.codePointAt(0)) || Character.isDigit(next.codePointAt(0)))
                && ".!?:;,".indexOf(line.charAt(line.length() - 1)) < 0
                && WHITESPACE.split(line).length <= TITLE_LINE_WORDS;
    }

    private static void split(StringBuilder prose, List<String> sentences) {
        String text = prose.toString();
        prose.setLength(0);
        BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        iterator.setText(text);
        int start = iterator.first();
        for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
            addIfAny(sentences, text.substring(start, end));
        }
    }

    private static void addIfAny(List<String> into, String text) {
        String collapsed = WHITESPACE.matcher(text).replaceAll(" ").strip();
        if (!collapsed.isEmpty()) {
            into.add(collapsed);
        }
    }
}
