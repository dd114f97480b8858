package io.quipu.customers.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.quipu.customers.domain.RuleViolation;
import io.quipu.platform.web.FieldProblem;

/** Collects the rule violations of a request's fields, so the answer names all of them at once (one 400). */
final class FieldChecks {

    private final List<FieldProblem> problems = new ArrayList<>();

    FieldChecks check(String field, Optional<RuleViolation> violation) {
        violation.ifPresent(found -> problems.add(new FieldProblem(field, found.code(), found.message())));
        return this;
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw CustomerProblems.invalid(problems);
        }
    }
}
