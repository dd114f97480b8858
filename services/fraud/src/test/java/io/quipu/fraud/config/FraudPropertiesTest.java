package io.quipu.fraud.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

import io.quipu.fraud.domain.RiskSettings;

class FraudPropertiesTest {

    static Map<String, String> applicationProperties() throws Exception {
        Properties properties = PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"));
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }

    static FraudProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bind("quipu.fraud", FraudProperties.class).get();
    }

    @Test
    void applicationPropertiesGiveTheDocumentedSettings() throws Exception {
        assertThat(bind(applicationProperties()).toSettings()).isEqualTo(RiskSettings.defaults());
    }

    @Test
    void aWrongSettingIsNamed() throws Exception {
        Map<String, String> values = applicationProperties();
        values.put("quipu.fraud.rules.new-payee-high-amount.threshold.USD", "500.001");
        assertThatThrownBy(() -> bind(values).toSettings()).hasMessageContaining("quipu.fraud.rules.new-payee-high-amount.threshold.USD");

        Map<String, String> denyBelowReview = applicationProperties();
        denyBelowReview.put("quipu.fraud.decision.deny-at", "20");
        assertThatThrownBy(() -> bind(denyBelowReview).toSettings()).hasMessageContaining("review-at < deny-at");

        Map<String, String> shortRetention = applicationProperties();
        shortRetention.put("quipu.fraud.failed-logins.retention", "10m");
        assertThatThrownBy(() -> bind(shortRetention)).hasStackTraceContaining("quipu.fraud.failed-logins.retention");
    }
}
