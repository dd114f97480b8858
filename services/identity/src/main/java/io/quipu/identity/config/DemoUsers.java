package io.quipu.identity.config;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.quipu.contracts.identity.CreateUserRequest;
import io.quipu.contracts.identity.StaffRole;
import io.quipu.contracts.identity.UserKind;
import io.quipu.identity.application.UserService;
import io.quipu.identity.domain.Usernames;
import io.quipu.identity.store.UserStore;
import io.quipu.platform.web.ApiException;

/**
 * The documented demo logins (docs/identity.md), created at startup when {@code quipu.identity.demo-users=true}.
 * Idempotent: a user that exists is left alone, so restarts and several instances create each one once.
 */
@Component
@ConditionalOnBooleanProperty("quipu.identity.demo-users")
public class DemoUsers {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    /** Fixed customer ids, so the customers service's demo data can refer to them. */
    static final UUID ANA_CUSTOMER_ID = UUID.fromString("0193c0de-0000-7000-8000-000000000001");
    static final UUID LUIS_CUSTOMER_ID = UUID.fromString("0193c0de-0000-7000-8000-000000000002");

    static final List<CreateUserRequest> USERS = List.of(
            new CreateUserRequest("demo.ana", "Quipu-Demo-2026", "+51900000001", UserKind.CUSTOMER, ANA_CUSTOMER_ID, null),
            new CreateUserRequest("demo.luis", "Quipu-Demo-2026", "+51900000002", UserKind.CUSTOMER, LUIS_CUSTOMER_ID, null),
            new CreateUserRequest("demo.admin", "Quipu-Admin-2026", "+51900000090", UserKind.STAFF, null, Set.of(StaffRole.ADMIN)),
            new CreateUserRequest("demo.teller", "Quipu-Teller-2026", "+51900000091", UserKind.STAFF, null, Set.of(StaffRole.TELLER)),
            new CreateUserRequest("demo.analyst", "Quipu-Analyst-2026", "+51900000092", UserKind.STAFF, null, Set.of(StaffRole.ANALYST)),
            new CreateUserRequest("demo.auditor", "Quipu-Auditor-2026", "+51900000093", UserKind.STAFF, null, Set.of(StaffRole.AUDITOR)));

    private final UserService userService;
    private final UserStore users;

    DemoUsers(UserService userService, UserStore users) {
        this.userService = userService;
        this.users = users;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStartup() {
        createMissing();
    }

    /** Creates the demo users that do not exist yet; returns how many it created. */
    public int createMissing() {
        int created = 0;
        for (CreateUserRequest demo : USERS) {
            if (users.findByUsername(Usernames.normalize(demo.username())).isPresent()) {
                continue;
            }
            try {
                userService.create(demo);
                created++;
            } catch (ApiException e) {
                // Another instance created it between our look-up and our insert.
                log.info("demo user {} not created: {}", demo.username(), e.code());
            }
        }
        if (created > 0) {
            log.info("created {} demo users (see docs/identity.md)", created);
        }
        return created;
    }
}
