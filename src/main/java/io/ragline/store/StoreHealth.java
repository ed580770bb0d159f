package io.ragline.store;

import java.util.Map;

public record StoreHealth(boolean healthy, String backend, Map<String, Object> details) {
}
