package io.quipu.contracts.customers;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** Step 4: signing is a biometric confirmation (a fresh selfie) that the e-signature provider relies on. */
public record SignContractRequest(@NotNull @Valid FaceFeatures features) {
}
