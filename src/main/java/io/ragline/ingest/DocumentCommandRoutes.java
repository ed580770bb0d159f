package io.ragline.ingest;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import io.ragline.resilience.ErrorPolicy;

/** {@code direct:apply-command}: what every queue source does with a parsed message, index or delete. */
@Component
public class DocumentCommandRoutes extends RouteBuilder {

    private final DocumentIndex index;

    public DocumentCommandRoutes(DocumentIndex index) {
        this.index = index;
    }

    @Override
    public void configure() {
        from("direct:apply-command").routeId("apply-command").routeConfigurationId(ErrorPolicy.INTERNAL)
                .choice()
                    .when(exchange -> exchange.getMessage().getBody(DocumentCommand.class).isDelete())
                        .bean(index, "delete(${body.clientId}, ${body.documentId})").id("delete-document-command")
                    .otherwise()
                        .transform().body(DocumentCommand.class, DocumentCommand::document)
                        .to("direct:ingest").id("ingest-document-command")
                .end();
    }
}
