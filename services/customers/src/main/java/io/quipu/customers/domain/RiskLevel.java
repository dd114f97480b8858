package io.quipu.customers.domain;

/** How closely the bank watches a customer (customer due diligence); declared from lowest to highest. */
public enum RiskLevel {
    LOW, MEDIUM, HIGH
}
