package io.quipu.platform.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The layering rules of ARCHITECTURE.md, checked against a service's compiled classes:
 * bank rules in {@code domain} are plain Java, and a service never reaches into another service.
 */
public final class ArchitectureRules {

    /** Every service's base package; a service may use platform and contracts, and none of the others. */
    public static final List<String> SERVICES = List.of("gateway", "identity", "customers", "ledger", "payments", "loans",
            "notifications", "audit", "fraud", "analytics", "monitor", "sandbox");

    private ArchitectureRules() {
    }

    /** Fails with ArchUnit's report when {@code io.quipu.<service>} breaks a rule. */
    public static void check(String service) {
        String basePackage = "io.quipu." + service;
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);

        noClasses().that().resideInAPackage(basePackage + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "java.sql..", "javax.sql..", "jakarta.persistence..", "org.apache.kafka..")
                .because("bank rules live in domain as plain Java: no Spring, no SQL, no Kafka")
                .check(classes);

        String[] otherServices = SERVICES.stream()
                .filter(other -> !other.equals(service))
                .map(other -> "io.quipu." + other + "..")
                .toArray(String[]::new);
        noClasses().should().dependOnClassesThat().resideInAnyPackage(otherServices)
                .because("a service depends on platform and contracts, never on another service")
                .check(classes);
    }
}
