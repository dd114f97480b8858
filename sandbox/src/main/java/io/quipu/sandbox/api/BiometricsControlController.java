package io.quipu.sandbox.api;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.quipu.platform.web.ApiException;
import io.quipu.sandbox.domain.biometrics.BiometricTemplates;
import io.quipu.sandbox.domain.biometrics.VerificationRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The sandbox's control panel of the biometric provider: the face template of a registry photo, so that a demo app or
 * a test can play the customer's face (the template plus a little noise matches, any other vector does not).
 */
@RestController
@RequestMapping("/sandbox/biometrics/templates")
@Tag(name = "Biometric provider control", description = "The face template the simulated provider compares selfies with.")
public class BiometricsControlController {

    public record TemplateView(String photoReference, double[] vector) {
    }

    @GetMapping("/{photoReference}")
    @Operation(summary = "The 128-number unit-length template of a registry photo")
    public TemplateView template(@PathVariable String photoReference) {
        if (!VerificationRules.isPhotoReference(photoReference)) {
            throw ApiException.invalidField("photoReference", "invalid_photo_reference", VerificationRules.PHOTO_REFERENCE_RULE);
        }
        return new TemplateView(photoReference, BiometricTemplates.templateOf(photoReference));
    }
}
