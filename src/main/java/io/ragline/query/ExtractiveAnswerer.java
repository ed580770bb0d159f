package io.ragline.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.ragline.store.SearchHit;
import io.ragline.text.TextTerms;

/**
 * Answers without an LLM: the sentences of the retrieved chunks that share most terms with the
 * question, each followed by [n], the 1-based position of its chunk in the sources.
 */
public class ExtractiveAnswerer {

    public static final String NOTHING_FOUND =
            "I could not find anything relevant to this question in the indexed documents.";

    /** A sentence's rank among sources breaks ties and favours the best chunks slightly. */
    private static final double RANK_PRIOR = 0.25;

    private final int maxSentences;

    public ExtractiveAnswerer(int maxSentences) {
        this.maxSentences = maxSentences;
    }

    public String answer(String question, List<SearchHit> sources) {
        if (sources.isEmpty()) {
            return NOTHING_FOUND;
        }
        Set<String> questionTerms = TextTerms.of(question);
        List<Candidate> candidates = new ArrayList<>();
        for (int source = 0; source < sources.size(); source++) {
            int position = 0;
            for (String sentence : AnswerSentences.of(sources.get(source).text())) {
                Set<String> terms = TextTerms.of(sentence);
                long shared = terms.stream().filter(questionTerms::contains).count();
                double score = shared + RANK_PRIOR / (source + 1) - 0.01 * position;
                candidates.add(new Candidate(sentence, source + 1, score, shared));
                position++;
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
        // the top-ranked chunk was chosen by meaning, not by shared words: it always leads the answer
        Candidate lead = candidates.stream().filter(c -> c.citation() == 1).findFirst().orElseThrow();
        // after it, only sentences about as on-topic as the best one earn a place
        long required = Math.max(1, (candidates.get(0).shared() + 1) / 2);
        Set<String> seen = new LinkedHashSet<>();
        StringBuilder answer = new StringBuilder();
        append(answer, seen, lead);
        for (Candidate candidate : candidates) {
            if (seen.size() == maxSentences) {
                break;
            }
            if (candidate.shared() >= required) {
                append(answer, seen, candidate);
            }
        }
        return answer.toString();
    }

    /** Overlapping chunks repeat sentences: each is cited once. */
    private static void append(StringBuilder answer, Set<String> seen, Candidate candidate) {
        if (seen.add(candidate.sentence().toLowerCase(Locale.ROOT))) {
            if (answer.length() > 0) {
                answer.append(' ');
            }
            answer.append(candidate.sentence()).append(" [").append(candidate.citation()).append(']');
        }
    }

    private record Candidate(String sentence, int citation, double score, long shared) {
    }
}
