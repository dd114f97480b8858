package io.quipu.sandbox.api;

import java.util.List;

import org.springframework.http.HttpStatus;

import io.quipu.platform.web.ApiException;
import io.quipu.platform.web.FieldProblem;
import io.quipu.sandbox.domain.Violation;
import io.quipu.sandbox.domain.registry.DocumentType;
import io.quipu.sandbox.domain.registry.PersonRules;

/** Turns the simulators' rule violations into the 400 problem every API answers for bad input. */
final class RequestChecks {

    private RequestChecks() {
    }

    static void throwIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "validation_failed", "The request has invalid fields.",
                    violations.stream().map(violation -> new FieldProblem(violation.field(), violation.code(), violation.message())).toList());
        }
    }

    /** The document type of a path, once its number is known to have the type's digits. */
    static DocumentType documentType(String documentType, String documentNumber) {
        throwIfAny(PersonRules.checkDocument(documentType, documentNumber));
        return DocumentType.of(documentType).orElseThrow();
    }
}
