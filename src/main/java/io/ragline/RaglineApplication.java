package io.ragline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;

/**
 * Ragline: documents in through a folder, queues or HTTP, answers out through {@code POST /api/query}.
 * Each feature package wires itself; this class only starts them.
 */
// the pgvector store builds its own pool from spring.datasource.*: the embedded default needs no database
@SpringBootApplication(exclude = DataSourceAutoConfiguration.class)
public class RaglineApplication {

    public static void main(String[] args) {
        SpringApplication.run(RaglineApplication.class, args);
    }
}
