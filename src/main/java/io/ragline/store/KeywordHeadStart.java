package io.ragline.store;

/**
 * The keyword ranking of a hybrid search, started before the question's vector exists so that it runs
 * while the question is embedded. The search it is given to closes it; so does whoever started it and
 * gives up on the search. Closing frees what it holds once the ranking is done; closing twice does nothing.
 */
public interface KeywordHeadStart extends AutoCloseable {

    KeywordHeadStart NONE = () -> { };

    @Override
    void close();
}
