package io.quipu.customers.application;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.quipu.customers.domain.RuleViolation;
import io.quipu.platform.web.FieldProblem;
import jakarta.validation.ConstraintViolation;

/** Collects the rule violations of a request's fields, so the answer names all of them at once (one 400). */
final class FieldChecks {

    private final List<FieldProblem> problems = new ArrayList<>();

    FieldChecks check(String field, Optional<RuleViolation> violation) {
        violation.ifPresent(found -> problems.add(new FieldProblem(field, found.code(), found.message())));
        return this;
    }

    /**
     * Bean Validation's violations (the request record's annotations), with the codes the platform gives a failed
     * {@code @Valid}: {@code required} for a missing value, otherwise the constraint's name ({@code size}, {@code pattern}).
     */
    FieldChecks constraints(Set<? extends ConstraintViolation<?>> violations) {
        violations.stream()
                .sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
                .forEach(violation -> {
                    String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
                    String code = switch (constraint) {
                        case "NotNull", "NotBlank", "NotEmpty" -> "required";
                        default -> constraint.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
                    };
                    problems.add(new FieldProblem(violation.getPropertyPath().toString(), code, violation.getMessage()));
                });
        return this;
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw CustomerProblems.invalid(problems);
        }
    }
}
