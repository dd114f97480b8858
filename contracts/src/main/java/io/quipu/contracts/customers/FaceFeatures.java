package io.quipu.contracts.customers;

import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What the app extracted from the selfie on the device: a face embedding of 128 numbers and the app's liveness
 * estimate. Not money: plain numbers are right here. Never stored by the bank.
 */
public record FaceFeatures(
        @NotNull @Size(min = 128, max = 128, message = "must have exactly 128 numbers") List<@NotNull Double> vector,
        @NotNull @DecimalMin("0.0") @DecimalMax("1.0") Double livenessScore) {
}
