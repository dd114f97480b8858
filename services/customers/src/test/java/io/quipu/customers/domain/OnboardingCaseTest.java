package io.quipu.customers.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class OnboardingCaseTest {

    private static final UUID ID = UUID.fromString("0190a3b4-0000-7000-8000-000000000001");
    private static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");
    private static final List<OnboardingState> HAPPY_PATH = List.of(OnboardingState.STARTED,
            OnboardingState.IDENTITY_VERIFIED, OnboardingState.SELFIE_VERIFIED, OnboardingState.SCREENED,
            OnboardingState.CREDENTIALS_CREATED, OnboardingState.ACCOUNT_OPENED, OnboardingState.CONTRACT_SIGNED,
            OnboardingState.COMPLETED);

    @Test
    void walksTheHappyPathOneStepAtATime() {
        OnboardingCase onboarding = OnboardingCase.start(ID);
        List<OnboardingStep> steps = new ArrayList<>();
        while (onboarding.nextStep().isPresent()) {
            OnboardingStep step = onboarding.nextStep().get();
            steps.add(step);
            onboarding = onboarding.advance(step.reaches(), AT.plusSeconds(steps.size()), "done " + step);
        }
        assertThat(steps).containsExactly(OnboardingStep.values());
        assertThat(onboarding.state()).isEqualTo(OnboardingState.COMPLETED);
        assertThat(onboarding.isTerminal()).isTrue();
        assertThat(onboarding.rejectionReason()).isNull();
        assertThat(onboarding.transitions()).extracting(OnboardingTransition::to).containsExactlyElementsOf(HAPPY_PATH.subList(1, 8));
        assertThat(onboarding.transitions()).extracting(OnboardingTransition::from).containsExactlyElementsOf(HAPPY_PATH.subList(0, 7));
        assertThat(onboarding.transitions().get(0).detail()).isEqualTo("done VERIFY_IDENTITY");
        assertThat(onboarding.transitions().get(6).at()).isEqualTo(AT.plusSeconds(7));
    }

    /** Every pair (from, to) where from is reachable: only the next happy-path state may follow. */
    static Stream<Arguments> everyAdvance() {
        return Arrays.stream(OnboardingState.values()).flatMap(from -> Arrays.stream(OnboardingState.values())
                .map(to -> Arguments.of(from, to, HAPPY_PATH.indexOf(to) == HAPPY_PATH.indexOf(from) + 1
                        && HAPPY_PATH.contains(from))));
    }

    @ParameterizedTest(name = "advance {0} -> {1} allowed: {2}")
    @MethodSource("everyAdvance")
    void advancesOnlyToTheVeryNextState(OnboardingState from, OnboardingState to, boolean allowed) {
        OnboardingCase onboarding = caseIn(from);
        if (allowed) {
            OnboardingCase advanced = onboarding.advance(to, AT, "");
            assertThat(advanced.state()).isEqualTo(to);
            assertThat(advanced.transitions()).hasSize(onboarding.transitions().size() + 1)
                    .last().isEqualTo(new OnboardingTransition(from, to, AT, ""));
            assertThat(onboarding.state()).as("the case is immutable").isEqualTo(from);
        } else {
            assertThatThrownBy(() -> onboarding.advance(to, AT, ""))
                    .isInstanceOfSatisfying(IllegalTransition.class, exception -> {
                        assertThat(exception.from()).isEqualTo(from);
                        assertThat(exception.to()).isEqualTo(to);
                    });
        }
    }

    @ParameterizedTest
    @EnumSource(OnboardingState.class)
    void rejectsFromEveryStateThatIsNotTerminal(OnboardingState from) {
        OnboardingCase onboarding = caseIn(from);
        if (from.isTerminal()) {
            assertThatThrownBy(() -> onboarding.reject(RejectionReason.ABANDONED, AT, ""))
                    .isInstanceOf(IllegalTransition.class);
            assertThat(onboarding.nextStep()).isEmpty();
            return;
        }
        OnboardingCase rejected = onboarding.reject(RejectionReason.SANCTIONS_HIT, AT, "list match 4711");
        assertThat(rejected.state()).isEqualTo(OnboardingState.REJECTED);
        assertThat(rejected.rejectionReason()).isEqualTo(RejectionReason.SANCTIONS_HIT);
        assertThat(rejected.rejectionReason().code()).isEqualTo("sanctions_hit");
        assertThat(rejected.transitions()).last()
                .isEqualTo(new OnboardingTransition(from, OnboardingState.REJECTED, AT, "list match 4711"));
        assertThat(rejected.nextStep()).isEmpty();
        assertThat(rejected.isTerminal()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = OnboardingState.class, names = {"COMPLETED", "REJECTED"}, mode = EnumSource.Mode.EXCLUDE)
    void resumesWithTheStepItsStateCallsFor(OnboardingState state) {
        // As the service finds a case after a restart: only what was stored.
        OnboardingCase stored = caseIn(state);
        OnboardingCase reloaded = new OnboardingCase(stored.id(), stored.state(), stored.rejectionReason(), stored.transitions());
        OnboardingStep step = reloaded.nextStep().orElseThrow();
        assertThat(step.reaches()).isEqualTo(HAPPY_PATH.get(HAPPY_PATH.indexOf(state) + 1));
        assertThat(OnboardingStep.from(state)).contains(step);
        // Doing the step again after it was recorded is refused, so a repeated step cannot record twice.
        OnboardingCase advanced = reloaded.advance(step.reaches(), AT, "");
        assertThatThrownBy(() -> advanced.advance(step.reaches(), AT, "")).isInstanceOf(IllegalTransition.class);
    }

    @Test
    void refusesAStoredCaseThatBreaksTheRules() {
        OnboardingTransition skip = new OnboardingTransition(OnboardingState.STARTED, OnboardingState.SCREENED, AT, "");
        assertThatThrownBy(() -> new OnboardingCase(ID, OnboardingState.SCREENED, null, List.of(skip)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not follow the rules");
        assertThatThrownBy(() -> new OnboardingCase(ID, OnboardingState.SCREENED, null, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("history ends in STARTED");
        assertThatThrownBy(() -> new OnboardingCase(ID, OnboardingState.STARTED, RejectionReason.UNDER_AGE, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rejection reason");
        OnboardingTransition rejection = new OnboardingTransition(OnboardingState.STARTED, OnboardingState.REJECTED, AT, "");
        assertThatThrownBy(() -> new OnboardingCase(ID, OnboardingState.REJECTED, null, List.of(rejection)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rejection reason");
        OnboardingTransition gap = new OnboardingTransition(OnboardingState.SELFIE_VERIFIED, OnboardingState.SCREENED, AT, "");
        OnboardingTransition first = new OnboardingTransition(OnboardingState.STARTED, OnboardingState.IDENTITY_VERIFIED, AT, "");
        assertThatThrownBy(() -> new OnboardingCase(ID, OnboardingState.SCREENED, null, List.of(first, gap)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsItsHistoryAppendOnly() {
        OnboardingCase onboarding = caseIn(OnboardingState.SCREENED);
        assertThatThrownBy(() -> onboarding.transitions().clear()).isInstanceOf(UnsupportedOperationException.class);
        List<OnboardingTransition> history = new ArrayList<>(onboarding.transitions());
        OnboardingCase copy = new OnboardingCase(ID, OnboardingState.SCREENED, null, history);
        history.clear();
        assertThat(copy.transitions()).hasSize(3);
        assertThat(caseIn(OnboardingState.COMPLETED).transitions()).hasSize(7);
    }

    @Test
    void boundsTheDetail() {
        assertThat(new OnboardingTransition(OnboardingState.STARTED, OnboardingState.REJECTED, AT, null).detail()).isEmpty();
        assertThatThrownBy(() -> new OnboardingTransition(OnboardingState.STARTED, OnboardingState.REJECTED, AT, "x".repeat(501)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A case that reached {@code state} by the rules. */
    private static OnboardingCase caseIn(OnboardingState state) {
        OnboardingCase onboarding = OnboardingCase.start(ID);
        if (state == OnboardingState.REJECTED) {
            return onboarding.reject(RejectionReason.NAME_MISMATCH, AT, "");
        }
        for (OnboardingState next : HAPPY_PATH.subList(1, HAPPY_PATH.indexOf(state) + 1)) {
            onboarding = onboarding.advance(next, AT, "");
        }
        return onboarding;
    }
}
