package io.ragline.ingest;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import io.ragline.config.RaglineProperties;
import io.ragline.resilience.ErrorPolicy;

/**
 * The JMS queue, transacted: a message is acknowledged only once its document is committed to the
 * store. The cache level is set explicitly: with a transaction manager Spring would silently turn caching off.
 */
@Component
public class JmsIngestRoutes extends RouteBuilder {

    private final RaglineProperties.Jms settings;
    private final DocumentMessages messages;

    public JmsIngestRoutes(RaglineProperties properties, DocumentMessages messages) {
        this.settings = properties.getIngest().getJms();
        this.messages = messages;
    }

    @Override
    public void configure() {
        fromF("jms:queue:%s?transacted=true&cacheLevelName=CACHE_CONSUMER&concurrentConsumers=%d",
                settings.getQueue(), settings.getConsumers())
                .routeId("jms-ingest").routeConfigurationId(ErrorPolicy.QUEUE_INGEST)
                .autoStartup(settings.isEnabled())
                .convertBodyTo(String.class)
                .bean(messages, "parse").id("parse-message")
                .to("direct:apply-command").id("apply-message");
    }
}
