package io.quipu.identity.api;

import java.net.URI;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.quipu.contracts.identity.CreateUserRequest;
import io.quipu.contracts.identity.UserResponse;
import io.quipu.identity.application.UserService;

/** Creating logins: the customers service during onboarding (scope identity:write) and administrators. */
@RestController
class UserController {

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    @PostMapping("/users")
    ResponseEntity<UserResponse> create(@Valid @RequestBody CreateUserRequest request) {
        UserResponse created = users.create(request);
        return ResponseEntity.created(URI.create("/users/" + created.id())).body(created);
    }
}
