package io.ragline.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * English search terms (lower-cased, stop words removed, stemmed), the same analysis BM25 uses. Words
 * joined into identifiers and file names ({@code argparse.HelpFormatter}, {@code leave_policy.md}) are
 * also split into their parts, the whole kept too: titles and technical text are full of them, and a
 * question names the parts. It raised BM25's MRR@10 on both known-item sets (docs/benchmarks.md, Retrieval quality).
 */
public final class TextTerms {

    private static final Analyzer ANALYZER = englishWithWordParts();

    private TextTerms() {
    }

    public static Analyzer analyzer() {
        return ANALYZER;
    }

    /** EnglishAnalyzer's chain with Lucene's word delimiter filter after the possessives go. */
    private static Analyzer englishWithWordParts() {
        try {
            return CustomAnalyzer.builder()
                    .withTokenizer("standard")
                    .addTokenFilter("englishPossessive")
                    .addTokenFilter("wordDelimiterGraph", "generateWordParts", "1", "generateNumberParts", "1",
                            "splitOnCaseChange", "1", "splitOnNumerics", "0", "preserveOriginal", "1", "stemEnglishPossessive", "1")
                    // the index cannot hold a token graph; search terms are a set anyway
                    .addTokenFilter("flattenGraph")
                    .addTokenFilter("lowercase")
                    .addTokenFilter("stop")
                    .addTokenFilter("porterStem")
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the search analyzer", e);
        }
    }

    public static Set<String> of(String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = ANALYZER.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
