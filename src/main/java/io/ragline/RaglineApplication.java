package io.ragline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class RaglineApplication {

    public static void main(String[] args) {
        SpringApplication.run(RaglineApplication.class, args);
    }
}
