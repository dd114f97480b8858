package io.quipu.identity.domain;

import java.util.Set;
import java.util.UUID;

/** The shape rules of a user: a customer has a customer id and no roles; staff have roles and no customer id. */
public final class Users {

    public static final String CUSTOMER = "customer";
    public static final String STAFF = "staff";

    private Users() {
    }

    /** What is wrong with the combination, or null. */
    public static String shapeProblem(boolean customer, UUID customerId, Set<String> roles) {
        if (customer && customerId == null) {
            return "a customer needs a customerId";
        }
        if (customer && roles != null && !roles.isEmpty()) {
            return "a customer has no staff roles";
        }
        if (!customer && customerId != null) {
            return "staff have no customerId";
        }
        if (!customer && (roles == null || roles.isEmpty())) {
            return "staff need at least one role";
        }
        return null;
    }
}
