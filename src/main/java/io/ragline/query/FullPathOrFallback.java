package io.ragline.query;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs {@code direct:full-answer} and, when it fails, {@code direct:query-fallback}. Each runs as its
 * own exchange rather than inside a doTry: within a try block Camel skips the error handlers of the
 * routes it calls, which would silently turn off every redelivery on the query path.
 */
@Component
public class FullPathOrFallback {

    private final ProducerTemplate producer;

    public FullPathOrFallback(ProducerTemplate producer) {
        this.producer = producer;
    }

    public void answer(QueryContext context) {
        Exchange full = producer.send("direct:full-answer", exchange -> exchange.getMessage().setBody(context));
        Exception failure = full.getException();
        if (failure != null) {
            producer.send("direct:query-fallback", exchange -> {
                exchange.getMessage().setBody(context);
                exchange.setProperty(Exchange.EXCEPTION_CAUGHT, failure);
            });
        }
    }
}
