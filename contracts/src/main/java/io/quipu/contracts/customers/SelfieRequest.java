package io.quipu.contracts.customers;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** Step 2: the selfie's features, checked against the identity registry's photo. */
public record SelfieRequest(@NotNull @Valid FaceFeatures features) {
}
