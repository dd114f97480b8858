package io.quipu.customers.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContactRulesTest {

    @ParameterizedTest
    @CsvSource({
            "ana.quispe@example.com,         ana.quispe@example.com",
            "' Ana.Quispe@Example.COM ',     ana.quispe@example.com",
            "luis+banco@correo.com.pe,       luis+banco@correo.com.pe",
            "j_o'neil@sub-domain.example.ec, j_o'neil@sub-domain.example.ec",
            "x@ab.io,                        x@ab.io",
    })
    void acceptsPracticalAddresses(String raw, String normalised) {
        assertThat(ContactRules.normaliseEmail(raw)).isEqualTo(normalised);
        assertThat(ContactRules.checkEmail(raw)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "'',                      missing",
            "ana.quispe,              invalid_email",
            "ana@,                    invalid_email",
            "@example.com,            invalid_email",
            "ana@example,             invalid_email",
            "ana..quispe@example.com, invalid_email",
            ".ana@example.com,        invalid_email",
            "ana.@example.com,        invalid_email",
            "ana@-example.com,        invalid_email",
            "ana@example-.com,        invalid_email",
            "ana@example.c,           invalid_email",
            "ana@example.123,         invalid_email",
            "ana quispe@example.com,  invalid_email",
            "ana@@example.com,        invalid_email",
            "'\"ana\"@example.com',   invalid_email",
            "ana@[192.168.0.1],       invalid_email",
            "añá@example.com,         invalid_email",
    })
    void refusesWhatIsNotAnAddress(String raw, String code) {
        assertThat(ContactRules.checkEmail(raw)).get().extracting(RuleViolation::code).isEqualTo(code);
    }

    @Test
    void limitsTheLengths() {
        String sixtyFour = "a".repeat(64);
        assertThat(ContactRules.checkEmail(sixtyFour + "@example.com")).isEmpty();
        assertThat(ContactRules.checkEmail(sixtyFour + "a@example.com")).get()
                .extracting(RuleViolation::code).isEqualTo("invalid_email");
        String domain = ("a".repeat(60) + ".").repeat(3) + "example.com"; // 194 characters
        String longest = "b".repeat(59) + "@" + domain;
        assertThat(longest).hasSize(254);
        assertThat(ContactRules.checkEmail(longest)).isEmpty();
        assertThat(ContactRules.checkEmail("b" + longest)).get().extracting(RuleViolation::code).isEqualTo("too_long");
        assertThat(ContactRules.checkEmail(null)).get().extracting(RuleViolation::code).isEqualTo("missing");
    }

    @ParameterizedTest
    @CsvSource({
            "+51987654321,        +51987654321",
            "'+51 987 654 321',   +51987654321",
            "+51-987-654-321,     +51987654321",
            "+593987654321,       +593987654321",
            "'+593 98 765 4321',  +593987654321",
    })
    void acceptsPeruvianAndEcuadorianMobiles(String raw, String normalised) {
        assertThat(ContactRules.normalisePhone(raw)).isEqualTo(normalised);
        assertThat(ContactRules.checkPhone(raw)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "'',              missing",
            "987654321,       invalid_phone",
            "0051987654321,   invalid_phone",
            "+0987654321,     invalid_phone",
            "+51 98765432a,   invalid_phone",
            "+5198765432109876, invalid_phone",
            "+34612345678,    unsupported_country",
            "+15551234567,    unsupported_country",
            "+5114123456,     not_mobile",     // a Lima landline
            "+51887654321,    not_mobile",
            "+5198765432,     not_mobile",
            "+519876543210,   not_mobile",
            "+59322345678,    not_mobile",     // a Quito landline
            "+59398765432,    not_mobile",
    })
    void refusesOtherNumbers(String raw, String code) {
        assertThat(ContactRules.checkPhone(raw)).get().extracting(RuleViolation::code).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+51987654321", "+593987654321"})
    void findsTheCountryCallingCode(String phone) {
        assertThat(ContactRules.countryCallingCode(phone)).hasValueSatisfying(code -> assertThat(phone).startsWith("+" + code));
        assertThat(ContactRules.MOBILE_COUNTRY_CODES).containsKey(ContactRules.countryCallingCode(phone).orElseThrow());
    }
}
