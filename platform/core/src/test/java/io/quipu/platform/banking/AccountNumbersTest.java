package io.quipu.platform.banking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccountNumbersTest {

    @Test
    void accountNumbersHaveFourteenDigitsWithALuhnCheck() {
        String number = AccountNumbers.accountNumber("001", 42);
        assertThat(number).hasSize(14).startsWith("0010000000042");
        assertThat(AccountNumbers.isValidAccountNumber(number)).isTrue();
        String wrongCheck = number.substring(0, 13) + ((number.charAt(13) - '0' + 1) % 10);
        assertThat(AccountNumbers.isValidAccountNumber(wrongCheck)).isFalse();
        assertThatThrownBy(() -> AccountNumbers.accountNumber("1", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccountNumbers.accountNumber("001", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Check digits worked by hand with the ASBANC rule (weights 1,2,1,2…, digits of products summed). */
    @ParameterizedTest
    @CsvSource({"002000, 8", "123456, 6", "000000000000, 0", "000001234567, 4"})
    void cciCheckDigitsFollowTheAsbancRule(String digits, int expected) {
        assertThat(AccountNumbers.cciCheckDigit(digits)).isEqualTo(expected);
    }

    @Test
    void cciHasBankBranchAccountAndTwoCheckDigits() {
        String number = AccountNumbers.accountNumber("001", 1234567);
        String cci = AccountNumbers.cci("099", number);
        assertThat(cci).hasSize(20).startsWith("099001");
        assertThat(cci.substring(6, 18)).isEqualTo("0" + number.substring(3));
        assertThat(AccountNumbers.isValidCci(cci)).isTrue();
        for (int position = 0; position < 20; position++) {
            char changed = (char) ('0' + (cci.charAt(position) - '0' + 3) % 10);
            String typo = cci.substring(0, position) + changed + cci.substring(position + 1);
            assertThat(AccountNumbers.isValidCci(typo)).as("typo at %d", position).isFalse();
        }
        assertThat(AccountNumbers.isValidCci("1234")).isFalse();
    }
}
