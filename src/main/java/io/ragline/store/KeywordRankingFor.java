package io.ragline.store;

/** What a keyword ranking started ahead was started for: a hybrid search takes it only when this matches. */
public record KeywordRankingFor(String clientId, MetadataFilter filter, String text, int candidates) {

    public boolean matches(HybridQuery query) {
        return clientId.equals(query.clientId()) && filter.equals(query.filter()) && text.equals(query.text())
                && candidates == query.candidates();
    }
}
