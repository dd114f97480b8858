package io.quipu.identity.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.quipu.contracts.identity.CreateUserRequest;
import io.quipu.contracts.identity.IdentityContracts;
import io.quipu.contracts.identity.StaffRole;
import io.quipu.contracts.identity.UserKind;
import io.quipu.contracts.identity.UserResponse;
import io.quipu.identity.domain.LockoutPolicy;
import io.quipu.identity.domain.PasswordPolicy;
import io.quipu.identity.domain.Usernames;
import io.quipu.identity.domain.Users;
import io.quipu.identity.events.AuthEventPublisher;
import io.quipu.identity.store.UserRecord;
import io.quipu.identity.store.UserStore;
import io.quipu.platform.id.Ids;
import io.quipu.platform.web.ApiException;
import io.quipu.platform.web.FieldProblem;

@Service
public class UserService {

    private final UserStore users;
    private final PasswordPolicy passwordPolicy;
    private final PasswordHasher hasher;
    private final AuthEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public UserService(UserStore users, PasswordPolicy passwordPolicy, PasswordHasher hasher, AuthEventPublisher events,
                       TransactionTemplate transactions, Clock clock) {
        this.users = users;
        this.passwordPolicy = passwordPolicy;
        this.hasher = hasher;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Creates a user; 409 when the username or the customer already has one, 400 when the password breaks the rules. */
    public UserResponse create(CreateUserRequest request) {
        boolean customer = request.kind() == UserKind.CUSTOMER;
        Set<String> roles = request.roles() == null ? Set.of()
                : request.roles().stream().map(role -> role.name().toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(TreeSet::new));
        String shapeProblem = Users.shapeProblem(customer, request.customerId(), roles);
        if (shapeProblem != null) {
            throw ApiException.invalidField(customer ? "customerId" : "roles", "invalid_combination", shapeProblem);
        }
        String username = Usernames.normalize(request.username());
        Optional<PasswordPolicy.Violation> violation = passwordPolicy.check(request.password(), username);
        if (violation.isPresent()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "weak_password", "The password does not follow the password rules.",
                    List.of(new FieldProblem("password", violation.get().code(), violation.get().message())));
        }
        Instant now = clock.instant();
        UserRecord user = new UserRecord(Ids.newId(), username, customer ? Users.CUSTOMER : Users.STAFF, request.customerId(),
                roles, request.phone(), hasher.hash(request.password()), "active", new LockoutPolicy.State(0, 0, null), now);
        Boolean inserted = transactions.execute(status -> {
            if (!users.insertIfAbsent(user)) {
                return false;
            }
            events.publish(IdentityContracts.USER_CREATED, user, null, null, null, null, null, now);
            return true;
        });
        if (!Boolean.TRUE.equals(inserted)) {
            if (users.findByUsername(username).isPresent()) {
                throw ApiException.conflict("username_taken", "This username is taken.");
            }
            throw ApiException.conflict("customer_has_user", "This customer already has a user.");
        }
        return toResponse(user);
    }

    public static UserResponse toResponse(UserRecord user) {
        Set<StaffRole> roles = user.roles().stream().map(role -> StaffRole.valueOf(role.toUpperCase(Locale.ROOT)))
                .collect(Collectors.toCollection(TreeSet::new));
        return new UserResponse(user.id(), user.username(), user.isCustomer() ? UserKind.CUSTOMER : UserKind.STAFF,
                user.customerId(), roles, user.phone(), user.status(), user.createdAt());
    }
}
