package io.ragline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Ragline: documents in through a folder, queues or HTTP, answers out through {@code POST /api/query}.
 * Each feature package wires itself; this class only starts them.
 */
@SpringBootApplication
public class RaglineApplication {

    public static void main(String[] args) {
        SpringApplication.run(RaglineApplication.class, args);
    }
}
