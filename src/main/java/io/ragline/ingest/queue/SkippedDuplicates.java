package io.ragline.ingest.queue;

import org.apache.camel.Body;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** A queued document skipped because the store already holds that content: logged and counted, never silent. */
@Component
public class SkippedDuplicates {

    private static final Logger LOG = LoggerFactory.getLogger(SkippedDuplicates.class);

    private final Counter skipped;

    public SkippedDuplicates(MeterRegistry meters) {
        this.skipped = Counter.builder("ragline.ingest.duplicates.skipped")
                .description("Queued documents not embedded again: the store already holds that content").register(meters);
    }

    public void record(@Body DocumentCommand command) {
        skipped.increment();
        LOG.info("Already indexed with this content, skipped: {}/{}", command.clientId(), command.documentId());
    }
}
