package io.quipu.platform.money;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import tools.jackson.databind.json.JsonMapper;

class MoneyPropertiesTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Property
    void decimalStringRoundTripsExactly(@ForAll @LongRange(min = -999_999_999_999_999L, max = 999_999_999_999_999L) long minor) {
        Money money = Money.ofMinor(minor, "PEN");
        assertThat(Money.parse(money.toDecimalString(), "PEN")).isEqualTo(money);
        assertThat(json.readValue(json.writeValueAsString(money), Money.class)).isEqualTo(money);
    }

    @Property
    void plusThenMinusIsIdentity(@ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long a,
                                 @ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long b) {
        Money left = Money.ofMinor(a, "USD");
        Money right = Money.ofMinor(b, "USD");
        assertThat(left.plus(right).minus(right)).isEqualTo(left);
        assertThat(left.plus(right)).isEqualTo(right.plus(left));
    }
}
