package io.quipu.sandbox.api;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.quipu.platform.id.Ids;
import io.quipu.platform.web.ApiException;
import io.quipu.sandbox.domain.BoundedStore;
import io.quipu.sandbox.domain.biometrics.BiometricTemplates;
import io.quipu.sandbox.domain.biometrics.BiometricVerification;
import io.quipu.sandbox.domain.biometrics.VerificationRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The simulated biometric provider: compares the features of a selfie with the registry photo of a document. */
@RestController
@RequestMapping("/biometrics/v1/verifications")
@Tag(name = "Biometric provider", description = "A simulated face-match and liveness provider. Requires the X-Api-Key header.")
public class BiometricsController {

    private final BoundedStore<UUID, BiometricVerification> verifications;
    private final Clock clock;

    public BiometricsController(BoundedStore<UUID, BiometricVerification> verifications, Clock clock) {
        this.verifications = verifications;
        this.clock = clock;
    }

    /** {@code vector}: the selfie's 128 face features; {@code livenessScore}: 0 to 1 from the capture SDK. */
    public record Features(List<Double> vector, Double livenessScore) {
    }

    public record VerificationRequest(String documentNumber, String photoReference, Features features) {
    }

    public record VerificationView(String verificationId, String documentNumber, double score, boolean liveness,
            Instant verifiedAt) {
        static VerificationView of(BiometricVerification verification) {
            return new VerificationView(verification.verificationId().toString(), verification.documentNumber(),
                    verification.score(), verification.liveness(), verification.verifiedAt());
        }
    }

    @PostMapping
    @Operation(summary = "Compare a selfie's features with the registry photo",
            description = "score: the cosine similarity with the photo's template (0 to 1, 4 decimals); "
                    + "liveness: livenessScore ≥ 0.5. The template is at GET /sandbox/biometrics/templates/{photoReference}.")
    public VerificationView verify(@RequestBody VerificationRequest request) {
        Features features = request.features();
        RequestChecks.throwIfAny(VerificationRules.check(request.documentNumber(), request.photoReference(),
                features != null, features == null ? null : features.vector(), features == null ? null : features.livenessScore()));
        double score = BiometricTemplates.score(VerificationRules.toArray(features.vector()),
                BiometricTemplates.templateOf(request.photoReference()));
        double livenessScore = features.livenessScore();
        BiometricVerification verification = new BiometricVerification(Ids.newId(), request.documentNumber(),
                request.photoReference(), score, livenessScore, livenessScore >= VerificationRules.LIVENESS_THRESHOLD,
                clock.instant());
        verifications.put(verification.verificationId(), verification);
        return VerificationView.of(verification);
    }

    @GetMapping("/{verificationId}")
    @Operation(summary = "A verification the provider issued")
    public VerificationView one(@PathVariable UUID verificationId) {
        return verifications.find(verificationId).map(VerificationView::of)
                .orElseThrow(() -> ApiException.notFound("verification_not_found", "There is no verification " + verificationId + "."));
    }
}
