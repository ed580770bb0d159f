package io.ragline.store.pgvector;

import java.util.Map;
import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;

import io.ragline.store.StoreSettings;

/**
 * PostgreSQL with pgvector. The connection is Spring Boot's own {@code spring.datasource.*} (HikariCP's
 * limits under {@code spring.datasource.hikari.*}); Boot's Flyway creates and migrates the schema. Boot's
 * DataSource auto-configuration is off for the application, so the embedded default needs no database:
 * this configuration builds the pool the way Boot does, only when the backend is pgvector.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = StoreSettings.BACKEND, havingValue = "pgvector")
@EnableConfigurationProperties(PgVectorSettings.class)
public class PgVectorStoreConfiguration {

    @Bean
    @ConfigurationProperties("spring.datasource")
    DataSourceProperties dataSourceProperties() {
        return new DataSourceProperties();
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DataSourceProperties properties) {
        return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    }

    /** The vector size and HNSW parameters are part of the schema: Flyway writes them in. */
    @Bean
    FlywayConfigurationCustomizer chunksTableShape(PgVectorSettings settings) {
        return flyway -> flyway.placeholders(Map.of(
                "dimension", Integer.toString(settings.dimension()),
                "hnsw_m", Integer.toString(settings.hnswM()),
                "hnsw_ef_construction", Integer.toString(settings.hnswEfConstruction())));
    }

    /** Used once Flyway has migrated the schema. */
    @Bean
    @DependsOnDatabaseInitialization
    PgVectorStore vectorStore(DataSource dataSource, PgVectorSettings settings) {
        return new PgVectorStore(new JdbcTemplate(dataSource), new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                settings);
    }
}
