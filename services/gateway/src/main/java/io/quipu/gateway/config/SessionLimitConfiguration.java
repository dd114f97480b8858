package io.quipu.gateway.config;

import org.apache.catalina.session.StandardManager;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bounds the web app's sessions in memory: Tomcat refuses to create more than
 * {@code quipu.gateway.session.max-active-sessions}, and the login answers 503 instead.
 */
@Configuration(proxyBeanMethods = false)
public class SessionLimitConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> maxActiveSessions(SessionProperties properties) {
        return factory -> factory.addContextCustomizers(context -> {
            StandardManager manager = new StandardManager();
            manager.setMaxActiveSessions(properties.maxActiveSessions());
            // Sessions hold tokens: never written to disk at shutdown (Boot's default as well).
            manager.setPathname(null);
            context.setManager(manager);
        });
    }
}
