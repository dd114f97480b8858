package io.quipu.fraud.api;

import jakarta.validation.constraints.Size;

/** The body of approve / reject, optional: the analyst's note, kept with the case as its {@code resolution}. */
public record CaseResolutionRequest(@Size(max = 500) String note) {
}
