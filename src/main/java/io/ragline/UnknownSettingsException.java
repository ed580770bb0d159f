package io.ragline;

import java.util.Set;

/** Configuration names {@code ragline.*} keys that no feature reads. */
public class UnknownSettingsException extends IllegalStateException {

    private final Set<String> keys;

    public UnknownSettingsException(Set<String> keys) {
        super("Unknown configuration keys: " + String.join(", ", keys));
        this.keys = Set.copyOf(keys);
    }

    public Set<String> keys() {
        return keys;
    }
}
