package io.quipu.customers.clients;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpStatusCodeException;

import io.quipu.contracts.identity.CreateUserRequest;
import io.quipu.contracts.identity.IdentityClient;
import io.quipu.contracts.identity.UserKind;
import io.quipu.contracts.ledger.AccountProduct;
import io.quipu.contracts.ledger.AccountResponse;
import io.quipu.contracts.ledger.AccountTransferPage;
import io.quipu.contracts.ledger.LedgerClient;
import io.quipu.contracts.ledger.OpenAccountRequest;
import io.quipu.platform.clients.ServiceCalls;
import io.quipu.platform.web.ApiException;
import io.quipu.platform.web.FieldProblem;
import tools.jackson.databind.JsonNode;

/**
 * The platform's own services that customers calls: identity (logins) and the ledger (accounts), with the service's
 * client-credentials token. A service that does not answer, or answers 5xx, is {@link ProviderUnavailableException};
 * a problem it answers for the applicant's input (username taken, weak password) is passed on as the same problem.
 */
public class PlatformServices {

    public record OpenedAccount(UUID id, String accountNumber, String cci) {
    }

    private final IdentityClient identity;
    private final LedgerClient ledger;
    public PlatformServices(IdentityClient identity, LedgerClient ledger) {
        this.identity = identity;
        this.ledger = ledger;
    }

    /**
     * Creates the customer's login; returns its id, or null when this customer has one already (a step repeated after
     * a crash: the login exists, which is what the step wanted).
     */
    public UUID createCustomerUser(String username, String password, String phone, UUID customerId) {
        try {
            return ServiceCalls.call("identity", () -> identity.createUser(new CreateUserRequest(username, password, phone,
                    UserKind.CUSTOMER, customerId, null))).id();
        } catch (HttpStatusCodeException refused) {
            JsonNode problem = ServiceCalls.problem(refused);
            String code = problem.path("code").asString("");
            if (refused.getStatusCode().value() == 409 && "customer_has_user".equals(code)) {
                return null;
            }
            if (refused.getStatusCode().value() == 409 || refused.getStatusCode().value() == 400) {
                List<FieldProblem> fields = new ArrayList<>();
                problem.path("errors").forEach(error -> fields.add(new FieldProblem(error.path("field").asString(""),
                        error.path("code").asString(""), error.path("message").asString(""))));
                throw new ApiException(HttpStatus.valueOf(refused.getStatusCode().value()), code.isEmpty() ? "invalid_credentials_choice" : code,
                        problem.path("detail").asString("The login could not be created."), fields);
            }
            throw new IllegalStateException("identity refused the user creation: " + refused.getStatusCode() + " " + code, refused);
        }
    }

    /** Opens the savings account with the id the case chose: a repeat returns the same account. */
    public OpenedAccount openSavingsAccount(UUID accountId, UUID customerId, String currency) {
        AccountResponse account = ledgerCall(() -> ledger.openAccount(new OpenAccountRequest(accountId, customerId, AccountProduct.SAVINGS,
                currency, null, null)));
        return new OpenedAccount(account.id(), account.accountNumber(), account.cci());
    }

    public List<AccountResponse> accountsOf(UUID customerId) {
        return ledgerCall(() -> ledger.accountsOfCustomer(customerId));
    }

    public AccountTransferPage latestMovements(UUID accountId, int limit) {
        return ledgerCall(() -> ledger.history(accountId, null, limit));
    }

    private static <T> T ledgerCall(Supplier<T> call) {
        try {
            return ServiceCalls.call("ledger", call);
        } catch (HttpStatusCodeException refused) {
            throw new IllegalStateException("the ledger refused: " + refused.getStatusCode() + " " + ServiceCalls.problemCode(refused), refused);
        }
    }
}
