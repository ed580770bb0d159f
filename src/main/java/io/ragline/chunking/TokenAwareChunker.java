package io.ragline.chunking;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.util.Span;

import io.ragline.document.Chunk;
import io.ragline.document.ChunkedDocument;
import io.ragline.document.ParsedDocument;

/**
 * Splits text into chunks of at most {@code maxTokens} of the embedding model's own word-pieces, and
 * never more than the model reads in one pass with the title it sees the chunk after ({@link ModelWindow}):
 * whole paragraphs when they fit, else whole sentences, else runs of words. Neighbouring chunks share
 * the trailing sentences of the earlier one, up to the overlap budget.
 * <p>
 * Every sentence is tokenized exactly once and chunk sizes are sums of sentence sizes (word-piece
 * counts add up across whitespace), so chunking costs one tokenizer pass over the text.
 */
public class TokenAwareChunker {

    /** The English sentence model langchain4j ships for its sentence splitter. */
    static final String SENTENCE_MODEL = "/opennlp/opennlp-en-ud-ewt-sentence-1.2-2.5.0.bin";
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n");
    private static final Pattern WORD = Pattern.compile("\\S+");

    private final WordPieces wordPieces;
    private final int maxTokens;
    private final double overlapRatio;
    private final ModelWindow window;
    private final ThreadLocal<SentenceDetectorME> sentences;

    public TokenAwareChunker(WordPieces wordPieces, int maxTokens, double overlapRatio, ModelWindow window) {
        this.wordPieces = wordPieces;
        this.maxTokens = maxTokens;
        this.overlapRatio = overlapRatio;
        this.window = window;
        SentenceModel model = loadSentenceModel();
        // the detector keeps per-call state: one per thread
        this.sentences = ThreadLocal.withInitial(() -> new SentenceDetectorME(model));
    }

    public ChunkedDocument chunk(ParsedDocument document) {
        String text = document.text();
        int limit = window.chunkLimit(maxTokens, wordPieces, document.title());
        List<Chunk> chunks = new ArrayList<>();
        Packer packer = new Packer(text, chunks, limit);
        for (int[] paragraph : paragraphs(text)) {
            List<Piece> pieces = pieces(text, paragraph[0], paragraph[1], limit);
            int total = pieces.stream().mapToInt(Piece::tokens).sum();
            if (!packer.fits(total) && total <= limit) {
                packer.flush();
            }
            for (Piece piece : pieces) {
                packer.add(piece);
            }
        }
        packer.flush();
        return new ChunkedDocument(document, chunks);
    }

    /** Sentences of one paragraph, over-long ones cut into runs of words. */
    private List<Piece> pieces(String text, int start, int end, int limit) {
        List<Piece> pieces = new ArrayList<>();
        for (Span span : sentences.get().sentPosDetect(text.substring(start, end))) {
            int from = start + span.getStart();
            int to = start + span.getEnd();
            int count = wordPieces.count(text.substring(from, to));
            if (count <= limit) {
                pieces.add(new Piece(from, to, count));
            } else {
                pieces.addAll(wordRuns(text, from, to, limit));
            }
        }
        return pieces;
    }

    private List<Piece> wordRuns(String text, int start, int end, int limit) {
        List<Piece> runs = new ArrayList<>();
        Matcher word = WORD.matcher(text).region(start, end);
        int runStart = -1;
        int runEnd = -1;
        int runTokens = 0;
        while (word.find()) {
            int count = Math.min(wordPieces.count(word.group()), limit);
            if (runStart >= 0 && runTokens + count > limit) {
                runs.add(new Piece(runStart, runEnd, runTokens));
                runStart = -1;
                runTokens = 0;
            }
            if (runStart < 0) {
                runStart = word.start();
            }
            runEnd = word.end();
            runTokens += count;
        }
        if (runStart >= 0) {
            runs.add(new Piece(runStart, runEnd, runTokens));
        }
        return runs;
    }

    private static List<int[]> paragraphs(String text) {
        List<int[]> paragraphs = new ArrayList<>();
        Matcher breaks = PARAGRAPH_BREAK.matcher(text);
        int start = 0;
        while (breaks.find()) {
            paragraphs.add(new int[] {start, breaks.start()});
            start = breaks.end();
        }
        paragraphs.add(new int[] {start, text.length()});
        return paragraphs;
    }

    private static SentenceModel loadSentenceModel() {
        try (InputStream in = TokenAwareChunker.class.getResourceAsStream(SENTENCE_MODEL)) {
            if (in == null) {
                throw new IllegalStateException("sentence model " + SENTENCE_MODEL + " is not on the classpath");
            }
            return new SentenceModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A span of the text that is never split further, with its size in word-pieces. */
    private record Piece(int start, int end, int tokens) {
    }

    /** Fills the current chunk with pieces; a full chunk is emitted and its tail starts the next. */
    private final class Packer {
        private final String text;
        private final List<Chunk> chunks;
        private final int limit;
        private final int overlapTokens;
        private final List<Piece> current = new ArrayList<>();
        private int currentTokens;
        private boolean hasNewContent;

        Packer(String text, List<Chunk> chunks, int limit) {
            this.text = text;
            this.chunks = chunks;
            this.limit = limit;
            this.overlapTokens = (int) Math.round(limit * overlapRatio);
        }

        boolean fits(int count) {
            return currentTokens + count <= limit;
        }

        void add(Piece piece) {
            if (!fits(piece.tokens())) {
                flush();
                // the carried-over tail must leave room for the new piece
                while (!current.isEmpty() && !fits(piece.tokens())) {
                    currentTokens -= current.remove(0).tokens();
                }
            }
            current.add(piece);
            currentTokens += piece.tokens();
            hasNewContent = true;
        }

        /** Emits the current chunk and keeps its trailing pieces within the overlap budget. */
        void flush() {
            if (!hasNewContent) {
                return;
            }
            chunks.add(new Chunk(chunks.size(), text.substring(current.get(0).start(), current.get(current.size() - 1).end())));
            List<Piece> tail = new ArrayList<>();
            int tailTokens = 0;
            for (int i = current.size() - 1; i > 0 && tailTokens + current.get(i).tokens() <= overlapTokens; i--) {
                tail.add(0, current.get(i));
                tailTokens += current.get(i).tokens();
            }
            current.clear();
            current.addAll(tail);
            currentTokens = tailTokens;
            hasNewContent = false;
        }
    }
}
