package io.ragline.query;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs {@code direct:full-answer} and, when it fails, {@code direct:query-fallback}. Each runs as its
 * own exchange rather than inside a doTry: within a try block Camel skips the error handlers of the
 * routes it calls, which would silently turn off every redelivery on the query path. Hence a
 * {@link ProducerTemplate} hop here: the DSL has no way to run a route as a fresh exchange and look at its failure.
 */
@Component
public class FullPathOrFallback {

    private final ProducerTemplate producer;

    public FullPathOrFallback(ProducerTemplate producer) {
        this.producer = producer;
    }

    public void answer(QueryContext context) {
        Exchange full = producer.send(QueryRoutes.FULL_ANSWER, exchange -> exchange.getMessage().setBody(context));
        context.abandonKeywordHeadStart();
        Exception failure = full.getException();
        if (failure != null) {
            producer.send(QueryFallbackRoutes.QUERY_FALLBACK, exchange -> {
                exchange.getMessage().setBody(context);
                exchange.setProperty(Exchange.EXCEPTION_CAUGHT, failure);
                exchange.setProperty(Exchange.FAILURE_ROUTE_ID, full.getProperty(Exchange.FAILURE_ROUTE_ID));
            });
        }
    }
}
