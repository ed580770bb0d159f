package io.ragline.bench;

import java.util.Random;

/** Deterministic English-like prose: sentences of common words, paragraphs of sentences. */
final class SyntheticText {

    private static final String[] WORDS = ("time year people way day man thing woman life child world school state family student group "
            + "country problem hand part place case week company system program question work government number night point home water "
            + "room mother area money story fact month lot right study book eye job word business issue side kind head house service "
            + "friend father power hour game line end member law car city community name president team minute idea kid body information "
            + "back parent face others level office door health person art war history party result change morning reason research girl "
            + "guy moment air teacher force education foot boy age policy process music market sense nation plan college interest death "
            + "experience effect use class control care field development role effort rate heart drug show leader light voice wife police "
            + "mind price report decision son view relationship town road arm difference value building action model season society tax "
            + "director position player record paper space ground form event official matter center couple site project activity star table "
            + "need court oil situation cost industry figure street image phone data picture practice piece land product doctor wall patient "
            + "worker news test movie north love support technology step baby computer type attention film tree source organization hair "
            + "window evidence population campaign river energy network customer invoice refund contract storage server cluster index "
            + "vector query document pipeline broker message retry failure outage backup region replica latency throughput").split(" ");
    private static final String[] VERBS = ("is has makes takes gives shows needs finds keeps brings holds turns starts moves leaves "
            + "changes helps builds reads writes sends explains describes improves reduces increases supports").split(" ");

    private static final String[] SYLLABLES = ("ka ri to man sel vo pra den lu ti gor an el mi sto ver bel cha "
            + "ro na fi dul tem os ar pen quil zo be ra ni ul fen mar do sa li tra co ven").split(" ");

    private final Random random;
    private final String[] vocabulary;
    private final double[] cumulative;

    /** Common English words only: the ingest benchmark's token counts stay realistic. */
    SyntheticText(long seed) {
        this(seed, 0);
    }

    /**
     * With {@code extraWords > 0}, words are drawn Zipf-distributed from the common words plus that
     * many rarer made-up ones, like the long tail of real vocabularies that keyword search relies on.
     */
    SyntheticText(long seed, int extraWords) {
        this.random = new Random(seed);
        Random vocabularyRandom = new Random(1);
        this.vocabulary = new String[WORDS.length + extraWords];
        System.arraycopy(WORDS, 0, vocabulary, 0, WORDS.length);
        for (int i = WORDS.length; i < vocabulary.length; i++) {
            StringBuilder word = new StringBuilder();
            int syllables = 2 + vocabularyRandom.nextInt(3);
            for (int j = 0; j < syllables; j++) {
                word.append(SYLLABLES[vocabularyRandom.nextInt(SYLLABLES.length)]);
            }
            vocabulary[i] = word.toString();
        }
        this.cumulative = new double[vocabulary.length];
        double sum = 0;
        for (int rank = 0; rank < vocabulary.length; rank++) {
            sum += extraWords == 0 ? 1.0 : 1.0 / Math.pow(rank + 1, 1.07);
            cumulative[rank] = sum;
        }
        for (int rank = 0; rank < vocabulary.length; rank++) {
            cumulative[rank] /= sum;
        }
    }

    String sentence() {
        StringBuilder s = new StringBuilder();
        int words = 8 + random.nextInt(12);
        String first = word();
        s.append(Character.toUpperCase(first.charAt(0))).append(first.substring(1));
        for (int i = 1; i < words; i++) {
            s.append(' ').append(i == 3 ? VERBS[random.nextInt(VERBS.length)] : word());
        }
        return s.append('.').toString();
    }

    String paragraph(int sentences) {
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < sentences; i++) {
            if (i > 0) {
                p.append(' ');
            }
            p.append(sentence());
        }
        return p.toString();
    }

    String document(int paragraphs) {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < paragraphs; i++) {
            if (i > 0) {
                d.append("\n\n");
            }
            d.append(paragraph(4 + random.nextInt(5)));
        }
        return d.toString();
    }

    private String word() {
        int index = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
        return vocabulary[Math.min(vocabulary.length - 1, index < 0 ? -index - 1 : index)];
    }
}
