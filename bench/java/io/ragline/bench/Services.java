package io.ragline.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** The PostgreSQL and Redis that bench/run starts with scripts/services. */
final class Services {

    private Services() {
    }

    static String postgresUser() {
        return required("SERVICES_POSTGRES_USER");
    }

    static String redisHost() {
        return required("SERVICES_REDIS_HOST");
    }

    static String redisPort() {
        return required("SERVICES_REDIS_PORT");
    }

    /** A new, empty database for one benchmark. @return its JDBC URL */
    static String newDatabase(String prefix) {
        String url = required("SERVICES_POSTGRES_URL");
        String name = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection connection = DriverManager.getConnection(url, postgresUser(), "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a database on " + url, e);
        }
        return url.substring(0, url.lastIndexOf('/') + 1) + name;
    }

    private static String required(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(variable + " is not set: bench/run starts the services it needs");
        }
        return value;
    }
}
