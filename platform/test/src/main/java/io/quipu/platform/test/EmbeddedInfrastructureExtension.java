package io.quipu.platform.test;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Starts the shared infrastructure and points Spring Boot at it before the test's context is created. */
public final class EmbeddedInfrastructureExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        String database = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), EmbeddedInfrastructure.class)
                .map(EmbeddedInfrastructure::database)
                .orElse("quipu");
        TestInfrastructure infrastructure = TestInfrastructure.get();
        infrastructure.postgres().createDatabaseIfMissing(database);
        System.setProperty("spring.datasource.url", infrastructure.postgres().jdbcUrl(database));
        System.setProperty("spring.datasource.username", infrastructure.postgres().username());
        System.setProperty("spring.datasource.password", "");
        System.setProperty("spring.kafka.bootstrap-servers", infrastructure.kafka().bootstrapServers());
        TestTokens tokens = TestTokens.get();
        System.setProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", tokens.jwkSetUri());
        System.setProperty("quipu.security.issuer", TestTokens.ISSUER);
        // Plain log lines in test output; services log JSON when they run for real.
        System.setProperty("logging.structured.format.console", "");
    }
}
