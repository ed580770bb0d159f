package io.ragline.ingest.queue;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import io.ragline.document.ClientAllowList;
import io.ragline.ingest.RaglineHeaders;
import io.ragline.resilience.EmbeddingOutage;

/**
 * The JMS queue, transacted: a message is acknowledged only once its document is committed to the
 * store, or, when batching, once it waits in the recoverable batch repository ({@link JmsBatchRoutes}). The cache level is set explicitly: with a transaction manager Spring would silently turn caching off.
 */
@Component
public class JmsIngestRoutes extends RouteBuilder {

    private static final String MESSAGE_TEXT = "raglineMessageText";

    private final JmsSettings settings;
    private final ClientAllowList clients;
    private final DocumentMessages messages;
    private final EmbeddingOutage outage;

    public JmsIngestRoutes(JmsSettings settings, DocumentMessages messages, EmbeddingOutage outage) {
        this.clients = ClientAllowList.of(settings.allowedClients(), "queue " + settings.queue());
        this.settings = settings;
        this.messages = messages;
        this.outage = outage;
    }

    @Override
    public void configure() {
        fromF("jms:queue:%s?transacted=true&cacheLevelName=CACHE_CONSUMER&concurrentConsumers=%d",
                settings.queue(), settings.consumers())
                .routeId("jms-ingest").routeConfigurationId(QueueErrorPolicy.QUEUE_INGEST)
                .routePolicy(outage)
                .autoStartup(settings.enabled())
                .setProperty(RaglineHeaders.INGEST_SOURCE, constant("jms"))
                .convertBodyTo(String.class)
                .setProperty(MESSAGE_TEXT, body())
                .bean(messages, "parse").id("parse-message")
                .process(exchange -> clients.check(exchange.getMessage().getBody(DocumentCommand.class).clientId())).id("allowed-queue-client")
                .choice()
                    .when(exchange -> settings.batched() && !exchange.getMessage().getHeader(JmsBatchRoutes.UNBATCHED, false, Boolean.class))
                        .setBody(exchangeProperty(MESSAGE_TEXT))
                        .to(JmsBatchRoutes.BATCH_MESSAGE).id("batch-message")
                    .otherwise()
                        .to(DocumentCommandRoutes.APPLY_COMMAND).id("apply-message")
                .end();
    }
}
