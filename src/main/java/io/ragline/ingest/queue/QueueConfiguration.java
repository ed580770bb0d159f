package io.ragline.ingest.queue;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.camel.component.redis.processor.aggregate.RedisAggregationRepository;
import org.apache.camel.spi.IdempotentRepository;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.data.redis.RedisProperties;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import io.ragline.api.JsonBodies;
import io.ragline.document.ClientAllowList;
import io.ragline.document.DocumentRules;
import io.ragline.ingest.IngestSettings;
import io.ragline.resilience.ResilienceSettings;

/** The queue sources: a JMS queue and a Kafka topic, both with the same message format. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({JmsSettings.class, KafkaSettings.class})
public class QueueConfiguration {

    private static final String JMS_BATCHED = "${ragline.ingest.jms.batch-size:1} > 1";

    @Bean
    DocumentMessages documentMessages(JsonBodies json, DocumentRules rules, IngestSettings ingest) {
        return new DocumentMessages(json, rules, ingest.maxFileBytes());
    }

    @Bean
    KafkaRetry kafkaRetry(KafkaSettings kafka, ResilienceSettings resilience) {
        return new KafkaRetry(kafka.maxAttempts(), resilience.outageMaxWait());
    }

    @Bean
    DocumentBatches documentBatches(IdempotentRepository ingestRepository) {
        return new DocumentBatches(ingestRepository);
    }

    @Bean
    @ConditionalOnProperty(name = "ragline.ingest.kafka.enabled", havingValue = "true")
    KafkaLag kafkaLag(KafkaSettings kafka, MeterRegistry registry) {
        return new KafkaLag(kafka, registry);
    }

    /** With Kafka off, the lag the dashboard and the stalled-ingest alert read exists all the same, at zero. */
    @Bean
    @ConditionalOnProperty(name = "ragline.ingest.kafka.enabled", havingValue = "false", matchIfMissing = true)
    MeterBinder kafkaLagWhileOff(KafkaSettings kafka) {
        return registry -> Gauge.builder(KafkaLag.METRIC, () -> 0).tag("topic", kafka.topic())
                .description(KafkaLag.DESCRIPTION).register(registry);
    }

    @Bean
    KafkaRecords kafkaRecords(DocumentMessages messages, KafkaSettings kafka) {
        return new KafkaRecords(messages, ClientAllowList.of(kafka.allowedClients(), "topic " + kafka.topic()));
    }

    /** Only with JMS batches: their crash-safe home, on the Redis server of {@code spring.data.redis.*}. */
    @Bean(destroyMethod = "shutdown")
    @ConditionalOnExpression(JMS_BATCHED)
    RedissonClient jmsBatchRedis(RedisProperties redis) {
        Config config = new Config();
        config.useSingleServer()
                .setAddress((redis.getSsl().isEnabled() ? "rediss://" : "redis://") + redis.getHost() + ":" + redis.getPort())
                .setUsername(redis.getUsername())
                .setPassword(redis.getPassword())
                .setDatabase(redis.getDatabase());
        return Redisson.create(config);
    }

    @Bean
    @ConditionalOnExpression(JMS_BATCHED)
    RedisAggregationRepository jmsBatchRepository(RedissonClient jmsBatchRedis, JmsSettings jms) {
        RedisAggregationRepository repository = new RedisAggregationRepository();
        repository.setRedisson(jmsBatchRedis);
        repository.setMapName("ragline:jms-batches:" + jms.queue());
        repository.setUseRecovery(true);
        repository.setRecoveryInterval(jms.redeliveryDelay().toMillis());
        repository.setMaximumRedeliveries(jms.maxDeliveryAttempts());
        repository.setDeadLetterUri(JmsBatchRoutes.BATCH_FAILED);
        return repository;
    }

    /**
     * The embedded broker's queues: failing messages are redelivered with a growing delay, then parked in
     * the dead-letter queue, never dropped. An external broker needs the same address settings.
     */
    /**
     * The embedded broker's optional TCP acceptor, for producers outside this JVM, behind a user and
     * password; in-VM connections (Ragline's own) need none.
     */
    @Bean
    ArtemisConfigurationCustomizer raglineAcceptor(JmsSettings jms) {
        return configuration -> {
            if (jms.embeddedAcceptor().isBlank()) {
                return;
            }
            if (jms.embeddedUser().isBlank() || jms.embeddedPassword().isBlank()) {
                throw new IllegalStateException("ragline.ingest.jms.embedded-acceptor needs ragline.ingest.jms.embedded-user "
                        + "and ragline.ingest.jms.embedded-password: the broker is not opened to the network without them");
            }
            try {
                configuration.addAcceptorConfiguration("ragline-tcp", jms.embeddedAcceptorUrl());
            } catch (Exception e) {
                throw new IllegalStateException("ragline.ingest.jms.embedded-acceptor is not an acceptor URL: " + jms.embeddedAcceptor(), e);
            }
            configuration.setSecurityEnabled(true);
            // the cache is keyed by user and password only: Ragline's own credential-less in-VM login
            // would let a network client without credentials in
            configuration.setAuthenticationCacheSize(0);
        };
    }

    @Bean
    static BeanPostProcessor raglineBrokerAccess(ObjectProvider<JmsSettings> jms) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof EmbeddedActiveMQ broker) {
                    JmsSettings settings = jms.getObject();
                    if (!settings.embeddedAcceptor().isBlank()) {
                        broker.setSecurityManager(new EmbeddedBrokerAccess(settings.embeddedUser(), settings.embeddedPassword(), settings.queue()));
                    }
                }
                return bean;
            }
        };
    }

    @Bean
    ArtemisConfigurationCustomizer raglineQueues(JmsSettings jms) {
        return configuration -> configuration.addAddressSetting(jms.queue(), new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(jms.dlqQueue()))
                .setMaxDeliveryAttempts(jms.maxDeliveryAttempts())
                .setRedeliveryDelay(jms.redeliveryDelay().toMillis())
                .setRedeliveryMultiplier(2.0)
                .setMaxRedeliveryDelay(jms.redeliveryDelay().toMillis() * 30));
    }
}
