package io.quipu.customers.clients;

import static io.quipu.customers.clients.Arguments.requireAnswered;
import static io.quipu.customers.clients.Arguments.requireMatch;

import java.time.LocalDate;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import io.quipu.platform.clients.ProviderEndpoint;
import io.quipu.platform.clients.ProviderSettings;
import io.quipu.platform.clients.ProviderUnavailableException;

/**
 * Asks the national identity registry (RENIEC in Peru, the Registro Civil in Ecuador) who holds a document:
 * {@code GET /registry/v1/persons/{documentType}/{documentNumber}}. Locally the sandbox plays the registry.
 */
public class IdentityRegistryClient {

    static final int MAX_RESPONSE_BYTES = 64 * 1024;
    private static final String PROVIDER = "registry";
    private static final String PERSON_NOT_FOUND = "person_not_found";

    private final ProviderEndpoint endpoint;

    public IdentityRegistryClient(ProviderSettings settings, JsonMapper json) {
        if (!PROVIDER.equals(settings.provider())) {
            throw new IllegalArgumentException("the settings are of the " + settings.provider() + " provider");
        }
        this.endpoint = new ProviderEndpoint(settings, MAX_RESPONSE_BYTES, json);
    }

    /**
     * The person holding the document, or empty when the registry has no one with it.
     *
     * @param documentType   {@code DNI} (8 digits) or {@code CEDULA_EC} (10 digits)
     * @throws ProviderUnavailableException when the registry did not answer after every try
     */
    public Optional<RegistryPerson> findPerson(String documentType, String documentNumber) {
        requireMatch("documentType", documentType, "DNI|CEDULA_EC");
        requireMatch("documentNumber", documentNumber, "[0-9]{8,10}");
        ProviderEndpoint.Answer answer = endpoint.get("/registry/v1/persons/" + documentType + "/" + documentNumber);
        if (answer.isSuccess()) {
            return Optional.of(toPerson(endpoint.read(answer, PersonAnswer.class), documentType, documentNumber));
        }
        if (answer.status() == 404 && PERSON_NOT_FOUND.equals(endpoint.problemCode(answer))) {
            return Optional.empty();
        }
        throw endpoint.unexpected(answer);
    }

    /** For tests: CLOSED, OPEN, HALF_OPEN. */
    String circuitBreakerState() {
        return endpoint.circuitBreakerState();
    }

    private record PersonAnswer(String documentType, String documentNumber, String givenNames, String paternalSurname,
            String maternalSurname, LocalDate birthDate, String gender, String address, String photoReference,
            Boolean deceased) {
    }

    private static RegistryPerson toPerson(PersonAnswer answer, String documentType, String documentNumber) {
        if (!documentType.equals(answer.documentType()) || !documentNumber.equals(answer.documentNumber())) {
            throw new IllegalStateException("the registry answered for another document than the one asked");
        }
        return new RegistryPerson(answer.documentType(), answer.documentNumber(),
                requireAnswered(PROVIDER, "givenNames", answer.givenNames()),
                requireAnswered(PROVIDER, "paternalSurname", answer.paternalSurname()),
                answer.maternalSurname(),
                requireAnswered(PROVIDER, "birthDate", answer.birthDate()),
                answer.gender(),
                answer.address(),
                requireAnswered(PROVIDER, "photoReference", answer.photoReference()),
                requireAnswered(PROVIDER, "deceased", answer.deceased()));
    }
}
