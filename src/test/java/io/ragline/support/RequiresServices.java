package io.ragline.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that needs the servers {@code scripts/services} starts (PostgreSQL and Redis). Without
 * them it is skipped, saying how to start them; under CI ({@code CI} set) it runs, and fails.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ServicesCondition.class)
public @interface RequiresServices {
}
