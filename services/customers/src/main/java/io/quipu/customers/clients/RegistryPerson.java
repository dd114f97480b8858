package io.quipu.customers.clients;

import java.time.LocalDate;

/** What the identity registry knows about the holder of a document. */
public record RegistryPerson(String documentType, String documentNumber, String givenNames, String paternalSurname,
        String maternalSurname, LocalDate birthDate, String gender, String address, String photoReference,
        boolean deceased) {
}
