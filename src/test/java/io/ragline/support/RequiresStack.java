package io.ragline.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/** A test class that needs the production stack ({@code scripts/stack up}); skipped without it unless CI is set. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ServicesCondition.class)
public @interface RequiresStack {
}
