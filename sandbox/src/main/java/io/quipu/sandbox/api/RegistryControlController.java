package io.quipu.sandbox.api;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.quipu.sandbox.api.IdentityRegistryController.PersonView;
import io.quipu.sandbox.domain.registry.DocumentType;
import io.quipu.sandbox.domain.registry.IdentityRegistry;
import io.quipu.sandbox.domain.registry.PersonRules;
import io.quipu.sandbox.domain.registry.RegisteredPerson;
import io.quipu.sandbox.domain.registry.SyntheticPersons;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The sandbox's control panel of the registry: tests and demos set exactly who holds a document. */
@RestController
@RequestMapping("/sandbox/registry/persons")
@Tag(name = "Identity registry control", description = "Set or remove the person the simulated registry answers for a document.")
public class RegistryControlController {

    private final IdentityRegistry registry;
    private final Clock clock;

    public RegistryControlController(IdentityRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** {@code photoReference} is optional (the document's usual one); {@code deceased} defaults to false. */
    public record PersonRequest(String givenNames, String paternalSurname, String maternalSurname, LocalDate birthDate,
            String gender, String address, String photoReference, Boolean deceased) {
    }

    @PutMapping("/{documentType}/{documentNumber}")
    @Operation(summary = "Set exactly the person the registry answers for this document (a minor, specific names, ...)")
    public PersonView set(@PathVariable String documentType, @PathVariable String documentNumber,
            @RequestBody PersonRequest request) {
        DocumentType type = RequestChecks.documentType(documentType, documentNumber);
        RequestChecks.throwIfAny(PersonRules.check(request.givenNames(), request.paternalSurname(),
                request.maternalSurname(), request.birthDate(), request.gender(), request.address(),
                request.photoReference(), LocalDate.now(clock)));
        String photoReference = request.photoReference() == null
                ? SyntheticPersons.photoReferenceOf(type, documentNumber) : request.photoReference();
        RegisteredPerson person = new RegisteredPerson(type, documentNumber, request.givenNames().strip(),
                request.paternalSurname().strip(), request.maternalSurname().strip(), request.birthDate(),
                request.gender(), request.address().strip(), photoReference, Boolean.TRUE.equals(request.deceased()));
        registry.register(person);
        return PersonView.of(person);
    }

    @DeleteMapping("/{documentType}/{documentNumber}")
    @Operation(summary = "Forget the person set for this document: the registry answers as before (204 even if none was set)")
    public ResponseEntity<Void> remove(@PathVariable String documentType, @PathVariable String documentNumber) {
        registry.remove(RequestChecks.documentType(documentType, documentNumber), documentNumber);
        return ResponseEntity.noContent().build();
    }
}
