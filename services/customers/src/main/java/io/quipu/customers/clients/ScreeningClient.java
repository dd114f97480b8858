package io.quipu.customers.clients;

import static io.quipu.customers.clients.Arguments.requireAnswered;
import static io.quipu.customers.clients.Arguments.requireMatch;
import static io.quipu.customers.clients.Arguments.requireText;

import java.time.LocalDate;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import io.quipu.platform.clients.ProviderEndpoint;
import io.quipu.platform.clients.ProviderSettings;
import io.quipu.platform.clients.ProviderUnavailableException;

/**
 * Screens a person against sanctions lists and lists of politically exposed persons ({@code POST
 * /screening/v1/checks}). Never retried here, as the design documents ask ("no retry, manual"): a check that did
 * not answer goes to an analyst. Locally the sandbox plays the provider.
 */
public class ScreeningClient {

    static final int MAX_RESPONSE_BYTES = 256 * 1024;
    /** More matches than this is not a screening answer we can act on automatically. */
    static final int MAX_MATCHES = 100;
    private static final String PROVIDER = "screening";
    private static final String CLEAR = "clear";
    private static final String HIT = "hit";

    private final ProviderEndpoint endpoint;

    public ScreeningClient(ProviderSettings settings, JsonMapper json) {
        if (!PROVIDER.equals(settings.provider())) {
            throw new IllegalArgumentException("the settings are of the " + settings.provider() + " provider");
        }
        this.endpoint = new ProviderEndpoint(settings, MAX_RESPONSE_BYTES, json);
    }

    /**
     * @param nationality ISO 3166 alpha-2, such as PE
     * @throws ProviderUnavailableException when the provider did not answer (it is tried once)
     */
    public ScreeningResult screen(String documentType, String documentNumber, String fullName, LocalDate birthDate,
            String nationality) {
        requireMatch("documentType", documentType, "DNI|CEDULA_EC");
        requireMatch("documentNumber", documentNumber, "[0-9]{8,10}");
        requireText("fullName", fullName, 200);
        if (birthDate == null) {
            throw new IllegalArgumentException("birthDate is required");
        }
        requireMatch("nationality", nationality, "[A-Z]{2}");
        ProviderEndpoint.Answer answer = endpoint.postJson("/screening/v1/checks",
                new CheckRequest(documentType, documentNumber, fullName, birthDate, nationality));
        if (!answer.isSuccess()) {
            throw endpoint.unexpected(answer);
        }
        CheckAnswer check = endpoint.read(answer, CheckAnswer.class);
        String result = requireAnswered(PROVIDER, "result", check.result());
        if (!CLEAR.equals(result) && !HIT.equals(result)) {
            throw new IllegalStateException("the screening provider's result is neither clear nor hit");
        }
        List<MatchAnswer> matches = check.matches() == null ? List.of() : check.matches();
        if (matches.size() > MAX_MATCHES) {
            throw new IllegalStateException("the screening provider answered more than " + MAX_MATCHES + " matches");
        }
        List<String> lists = matches.stream()
                .map(match -> requireAnswered(PROVIDER, "matches.list", match.list()))
                .distinct()
                .toList();
        return new ScreeningResult(requireAnswered(PROVIDER, "checkId", check.checkId()), HIT.equals(result),
                requireAnswered(PROVIDER, "pep", check.pep()), lists);
    }

    private record CheckRequest(String documentType, String documentNumber, String fullName, LocalDate birthDate,
            String nationality) {
    }

    private record MatchAnswer(String list, String matchedName, Double score) {
    }

    private record CheckAnswer(String checkId, String result, Boolean pep, List<MatchAnswer> matches) {
    }
}
