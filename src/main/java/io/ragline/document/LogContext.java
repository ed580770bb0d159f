package io.ragline.document;

import org.slf4j.MDC;

/**
 * The client a piece of work is for, in the logging context: every log line of that exchange carries it
 * ({@code client_id}), beside Camel's own exchange id, in plain and in JSON logs. Camel carries the key
 * across its threads and clears it when the exchange is done ({@code camel.main.mdc-logging-keys-pattern}).
 */
public final class LogContext {

    public static final String CLIENT_ID = "client_id";

    private LogContext() {
    }

    public static void client(String clientId) {
        if (clientId != null) {
            MDC.put(CLIENT_ID, clientId);
        }
    }
}
