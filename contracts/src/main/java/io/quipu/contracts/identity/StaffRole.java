package io.quipu.contracts.identity;

/** What a staff member may do; tokens carry them in the {@code roles} claim (lower case). */
public enum StaffRole {
    TELLER,
    ANALYST,
    AUDITOR,
    ADMIN
}
