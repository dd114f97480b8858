package io.quipu.platform.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against the JVM's embedded PostgreSQL (database {@link #database()}, created if missing) and
 * Kafka broker, and a test token issuer: Spring Boot picks them up through {@code spring.datasource.*},
 * {@code spring.kafka.bootstrap-servers} and {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}.
 * Put it before {@code @SpringBootTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(EmbeddedInfrastructureExtension.class)
public @interface EmbeddedInfrastructure {

    /** The service's own database (database per service). */
    String database() default "quipu";
}
