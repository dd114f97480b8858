package io.quipu.payments.config;

import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may fetch a clearing file: the staff roles admin and teller, or a service with {@code payments:read}; never a
 * customer, although a customer's token also has {@code payments:read} (it names every beneficiary of the day).
 */
final class ClearingFileAccess {

    private ClearingFileAccess() {
    }

    static AuthorizationManager<RequestAuthorizationContext> staffOrServices() {
        return AuthorizationManagers.allOf(AuthorizationManagers.not(AuthorityAuthorizationManager.hasRole("customer")),
                AuthorityAuthorizationManager.hasAnyAuthority("ROLE_admin", "ROLE_teller", "SCOPE_payments:read"));
    }
}
