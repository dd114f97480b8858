package io.quipu.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PreferencesTest {

    @Test
    void kindsNotChosenUseTheirDefaults() {
        Preferences preferences = new Preferences(Map.of(NotificationKind.MONEY_RECEIVED, EnumSet.of(Channel.SMS)));
        assertThat(preferences.channelsFor(NotificationKind.MONEY_RECEIVED)).containsExactly(Channel.SMS);
        assertThat(preferences.channelsFor(NotificationKind.MONEY_SENT)).isEqualTo(NotificationKind.MONEY_SENT.defaultChannels());
        assertThat(preferences.isDefault(NotificationKind.MONEY_SENT)).isTrue();
        assertThat(preferences.effective()).hasSize(NotificationKind.values().length);
    }

    @Test
    void nothingChosenMeansNothingSent() {
        Preferences preferences = new Preferences(Map.of(NotificationKind.MONEY_SENT, Set.of()));
        assertThat(preferences.channelsFor(NotificationKind.MONEY_SENT)).isEmpty();
        assertThat(preferences.isDefault(NotificationKind.MONEY_SENT)).isFalse();
    }

    @Test
    void securityGoesWhereALockedOutCustomerStillReadsAndMoneyLiveToo() {
        assertThat(NotificationKind.ACCOUNT_LOCKED.defaultChannels()).contains(Channel.SMS, Channel.EMAIL).doesNotContain(Channel.WEB);
        assertThat(NotificationKind.MONEY_RECEIVED.defaultChannels()).contains(Channel.WEB, Channel.PUSH, Channel.EMAIL);
    }

    @Test
    void maskingShowsAtMostFourCharacters() {
        assertThat(Masking.lastFour("194-1234-5678-90")).isEqualTo("****7890");
        assertThat(Masking.lastFour("****7890")).isEqualTo("****7890");
        assertThat(Masking.lastFour("12")).isEqualTo("****12");
        assertThat(Masking.lastFour("--")).isEqualTo("****");
        assertThat(Masking.lastFour(null)).isNull();
    }

    @Test
    void aLoginShowsItsNetworkNeverItsAddress() {
        assertThat(Masking.network("190.42.1.7")).isEqualTo("190.42.*.*");
        assertThat(Masking.network("2800:200:E840:12::1")).isEqualTo("2800:200:*");
        assertThat(Masking.network("::1")).isEqualTo("::*");
        assertThat(Masking.network("evil\r\nBcc: x")).isNull();
        assertThat(Masking.network(null)).isNull();
    }
}
