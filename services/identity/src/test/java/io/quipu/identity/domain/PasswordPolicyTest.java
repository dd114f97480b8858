package io.quipu.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = PasswordPolicy.withBundledCommonPasswords();

    @Test
    void bundlesOverAThousandCommonPasswords() {
        assertThat(policy.commonPasswordCount()).isGreaterThan(1000);
    }

    @Test
    void acceptsALongUncommonPassword() {
        assertThat(policy.check("Quipu-Demo-2026", "demo.ana")).isEmpty();
        assertThat(policy.check("llama verde en cusco", "ana")).isEmpty();
    }

    @Test
    void refusesShortPasswords() {
        assertThat(policy.check("Sh0rt!pw9", "ana")).get().extracting(PasswordPolicy.Violation::code).isEqualTo("too_short");
        assertThat(policy.check(null, "ana")).get().extracting(PasswordPolicy.Violation::code).isEqualTo("too_short");
        // Ten characters counted as people count them: an accented letter is one.
        assertThat(policy.check("ñandú-ñandú", "ana")).isEmpty();
    }

    @Test
    void refusesCommonPasswordsWhateverTheirCase() {
        assertThat(policy.check("Password123", "ana")).get().extracting(PasswordPolicy.Violation::code).isEqualTo("common_password");
        assertThat(policy.check("QWERTYUIOP", "ana")).get().extracting(PasswordPolicy.Violation::code).isEqualTo("common_password");
        assertThat(policy.check("1234567890", "ana")).get().extracting(PasswordPolicy.Violation::code).isEqualTo("common_password");
        assertThat(policy.check("Alianza2024", "ana")).get().extracting(PasswordPolicy.Violation::code).isEqualTo("common_password");
    }

    @Test
    void refusesTheUsernameAsPassword() {
        assertThat(policy.check("Maria.Lopez.1990", "maria.lopez.1990")).get()
                .extracting(PasswordPolicy.Violation::code).isEqualTo("same_as_username");
    }

    @Test
    void refusesWhatBcryptWouldCut() {
        assertThat(policy.check("x".repeat(65), "ana")).get().extracting(PasswordPolicy.Violation::code).isEqualTo("too_long");
        // 40 characters but 80 bytes: bcrypt would ignore the end.
        assertThat(policy.check("ñ".repeat(40), "ana")).get().extracting(PasswordPolicy.Violation::code).isEqualTo("too_long");
    }
}
