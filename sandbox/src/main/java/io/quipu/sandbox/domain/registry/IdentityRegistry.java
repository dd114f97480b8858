package io.quipu.sandbox.domain.registry;

import java.time.LocalDate;
import java.util.Optional;

import io.quipu.sandbox.domain.BoundedStore;

/**
 * The simulated registry: persons set explicitly (tests, demos) first, then the documented special numbers, then a
 * synthetic person for any other number.
 *
 * <ul>
 * <li>a DNI ending in {@code 000} is not registered (the registry answers "not found");</li>
 * <li>DNI {@value #DECEASED_DNI} belongs to a deceased person.</li>
 * </ul>
 */
public final class IdentityRegistry {

    public static final String DECEASED_DNI = "10000009";
    private static final String NOT_REGISTERED_DNI_SUFFIX = "000";

    private final BoundedStore<String, RegisteredPerson> explicitPersons;
    private final SyntheticPersons syntheticPersons;

    public IdentityRegistry(int capacity, SyntheticPersons syntheticPersons) {
        this.explicitPersons = new BoundedStore<>(capacity);
        this.syntheticPersons = syntheticPersons;
    }

    public Optional<RegisteredPerson> find(DocumentType documentType, String documentNumber, LocalDate today) {
        Optional<RegisteredPerson> explicit = explicitPersons.find(key(documentType, documentNumber));
        if (explicit.isPresent()) {
            return explicit;
        }
        if (documentType == DocumentType.DNI && documentNumber.endsWith(NOT_REGISTERED_DNI_SUFFIX)) {
            return Optional.empty();
        }
        RegisteredPerson person = syntheticPersons.personFor(documentType, documentNumber, today);
        if (documentType == DocumentType.DNI && documentNumber.equals(DECEASED_DNI)) {
            person = new RegisteredPerson(person.documentType(), person.documentNumber(), person.givenNames(),
                    person.paternalSurname(), person.maternalSurname(), person.birthDate(), person.gender(),
                    person.address(), person.photoReference(), true);
        }
        return Optional.of(person);
    }

    /** Sets exactly this person for their document, replacing any earlier one; the oldest go over the capacity. */
    public void register(RegisteredPerson person) {
        explicitPersons.put(key(person.documentType(), person.documentNumber()), person);
    }

    /** Forgets the explicit person; the number answers as before it was set. False when none was set. */
    public boolean remove(DocumentType documentType, String documentNumber) {
        return explicitPersons.remove(key(documentType, documentNumber));
    }

    public int explicitPersons() {
        return explicitPersons.size();
    }

    private static String key(DocumentType documentType, String documentNumber) {
        return documentType.name() + ":" + documentNumber;
    }
}
