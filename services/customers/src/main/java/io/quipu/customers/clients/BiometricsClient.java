package io.quipu.customers.clients;

import static io.quipu.customers.clients.Arguments.requireAnswered;
import static io.quipu.customers.clients.Arguments.requireMatch;

import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import io.quipu.platform.clients.ProviderEndpoint;
import io.quipu.platform.clients.ProviderSettings;
import io.quipu.platform.clients.ProviderUnavailableException;

/**
 * Compares the face features of a selfie with the registry photo of a document ({@code POST
 * /biometrics/v1/verifications}); the provider also judges liveness. Locally the sandbox plays the provider.
 */
public class BiometricsClient {

    /** Face features per selfie, as the capture SDK and the provider agree. */
    public static final int VECTOR_SIZE = 128;
    static final int MAX_RESPONSE_BYTES = 64 * 1024;
    private static final String PROVIDER = "biometrics";

    private final ProviderEndpoint endpoint;

    public BiometricsClient(ProviderSettings settings, JsonMapper json) {
        if (!PROVIDER.equals(settings.provider())) {
            throw new IllegalArgumentException("the settings are of the " + settings.provider() + " provider");
        }
        this.endpoint = new ProviderEndpoint(settings, MAX_RESPONSE_BYTES, json);
    }

    /**
     * The provider's verdict; whether it is good enough is the caller's decision.
     *
     * @param vector        the selfie's {@value #VECTOR_SIZE} face features
     * @param livenessScore 0 to 1, from the capture SDK
     * @throws ProviderUnavailableException when the provider did not answer after every try
     */
    public BiometricVerification verify(String documentNumber, String photoReference, List<Double> vector,
            double livenessScore) {
        requireMatch("documentNumber", documentNumber, "[0-9A-Za-z]{5,20}");
        requireMatch("photoReference", photoReference, "[A-Za-z0-9._:\\-]{1,100}");
        if (vector == null || vector.size() != VECTOR_SIZE
                || !vector.stream().allMatch(value -> value != null && Double.isFinite(value))) {
            throw new IllegalArgumentException("vector must be " + VECTOR_SIZE + " finite numbers");
        }
        if (!(livenessScore >= 0 && livenessScore <= 1)) {
            throw new IllegalArgumentException("livenessScore must be 0 to 1");
        }
        ProviderEndpoint.Answer answer = endpoint.postJson("/biometrics/v1/verifications",
                new VerificationRequest(documentNumber, photoReference, new Features(vector, livenessScore)));
        if (!answer.isSuccess()) {
            throw endpoint.unexpected(answer);
        }
        VerificationAnswer verification = endpoint.read(answer, VerificationAnswer.class);
        if (!documentNumber.equals(verification.documentNumber())) {
            throw new IllegalStateException("the biometrics provider answered for another document than the one asked");
        }
        return new BiometricVerification(requireAnswered(PROVIDER, "verificationId", verification.verificationId()),
                requireAnswered(PROVIDER, "score", verification.score()),
                requireAnswered(PROVIDER, "liveness", verification.liveness()));
    }

    String circuitBreakerState() {
        return endpoint.circuitBreakerState();
    }

    private record Features(List<Double> vector, double livenessScore) {
    }

    private record VerificationRequest(String documentNumber, String photoReference, Features features) {
    }

    private record VerificationAnswer(String verificationId, String documentNumber, Double score, Boolean liveness) {
    }
}
