package io.ragline.ingest.queue;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * Gathers message texts into a batch. Written here rather than taken from Camel's list strategies: those
 * keep the list in an exchange property until completion, and the recoverable repository must find the
 * whole batch in the body it stores.
 */
public class MessageTexts implements AggregationStrategy {

    @Override
    @SuppressWarnings("unchecked")
    public Exchange aggregate(Exchange batch, Exchange message) {
        String text = message.getMessage().getBody(String.class);
        if (batch == null) {
            message.getMessage().setBody(new ArrayList<>(List.of(text)));
            return message;
        }
        batch.getMessage().getBody(List.class).add(text);
        return batch;
    }
}
