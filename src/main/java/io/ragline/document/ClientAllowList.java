package io.ragline.document;

import java.util.List;
import java.util.Set;

/**
 * Which clients a source may write for: a queue, a topic or the inbox. Empty: any client. A document
 * for any other client is rejected with the reason, so it is dead-lettered (or noted in .failed/).
 */
public record ClientAllowList(Set<String> clients, String source) {

    public static ClientAllowList of(List<String> clients, String source) {
        return new ClientAllowList(Set.copyOf(clients), source);
    }

    public String check(String clientId) {
        if (!clients.isEmpty() && !clients.contains(clientId)) {
            throw new DocumentRejectedException(source + " may not write for client " + clientId
                    + " (allowed: " + String.join(", ", clients.stream().sorted().toList()) + ")");
        }
        return clientId;
    }
}
