package io.ragline.store.contract;

import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;

import io.ragline.store.VectorStore;
import io.ragline.store.pgvector.PgVectorSettings;
import io.ragline.store.pgvector.PgVectorStore;
import io.ragline.support.TestServices;
import io.ragline.support.RequiresServices;

/** The contract on a real PostgreSQL with pgvector, each test on a database of its own, migrated by Flyway. */
@Tag("slow")
@RequiresServices
class PgVectorStoreContractTest extends VectorStoreContract {

    private HikariDataSource dataSource;

    @Override
    protected VectorStore open() {
        String url = TestServices.newPostgresDatabase("contract");
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername(TestServices.postgresUser());
        dataSource.setMaximumPoolSize(4);
        Flyway.configure().dataSource(dataSource)
                .placeholders(Map.of("dimension", Integer.toString(DIMENSION), "hnsw_m", "16", "hnsw_ef_construction", "64"))
                .load().migrate();
        return reopen();
    }

    @Override
    protected VectorStore reopen() {
        if (dataSource.isClosed()) {
            String url = dataSource.getJdbcUrl();
            dataSource = new HikariDataSource();
            dataSource.setJdbcUrl(url);
            dataSource.setUsername(TestServices.postgresUser());
        }
        PgVectorStore store = new PgVectorStore(new JdbcTemplate(dataSource), new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                new PgVectorSettings(DIMENSION, 40, 16, 64, 2000, 4));
        store.bindEmbeddingModel(MODEL, DIMENSION);
        return store;
    }

    @Override
    protected void close(VectorStore store) {
        dataSource.close();
    }
}
