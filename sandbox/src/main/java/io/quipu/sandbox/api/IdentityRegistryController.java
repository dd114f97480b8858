package io.quipu.sandbox.api;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.quipu.platform.web.ApiException;
import io.quipu.sandbox.domain.registry.DocumentType;
import io.quipu.sandbox.domain.registry.IdentityRegistry;
import io.quipu.sandbox.domain.registry.RegisteredPerson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The simulated identity registry (RENIEC-like): what the customers service asks about a document. */
@RestController
@RequestMapping("/registry/v1/persons")
@Tag(name = "Identity registry", description = "A simulated national identity registry (Peru's DNI, Ecuador's cédula). Requires the X-Api-Key header.")
public class IdentityRegistryController {

    private final IdentityRegistry registry;
    private final Clock clock;

    public IdentityRegistryController(IdentityRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    public record PersonView(String documentType, String documentNumber, String givenNames, String paternalSurname,
            String maternalSurname, LocalDate birthDate, String gender, String address, String photoReference,
            boolean deceased) {
        static PersonView of(RegisteredPerson person) {
            return new PersonView(person.documentType().name(), person.documentNumber(), person.givenNames(),
                    person.paternalSurname(), person.maternalSurname(), person.birthDate(), person.gender(),
                    person.address(), person.photoReference(), person.deceased());
        }
    }

    @GetMapping("/{documentType}/{documentNumber}")
    @Operation(summary = "The person holding a document",
            description = "documentType DNI (8 digits) or CEDULA_EC (10 digits). A DNI ending in 000 is not registered (404); "
                    + "DNI 10000009 is a deceased person; any other number is a synthetic person, the same every time.")
    public PersonView person(@PathVariable String documentType, @PathVariable String documentNumber) {
        DocumentType type = RequestChecks.documentType(documentType, documentNumber);
        return registry.find(type, documentNumber, LocalDate.now(clock)).map(PersonView::of)
                .orElseThrow(() -> ApiException.notFound("person_not_found",
                        "No person is registered with " + type.name() + " " + documentNumber + "."));
    }
}
