package io.quipu.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class HeaderValuesTest {

    /** {@link StrictHttpFirewall}'s default rule for header values (Spring Security 7), the reference. */
    static final Pattern REFERENCE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Property(tries = 5000)
    void agreesWithTheFirewallsExpression(@ForAll("values") String value) {
        assertThat(HeaderValues.isAllowed(value)).as(value.codePoints().mapToObj(Integer::toHexString).toList().toString())
                .isEqualTo(REFERENCE.matcher(value).matches());
    }

    @Provide
    Arbitrary<String> values() {
        Arbitrary<Character> interesting = Arbitraries.of('a', ' ', '\t', '\n', '\r', '\u0000', '\u007f', '\u0085', '\u00e9', '\u0378',
                '\ud83d', '\ude00', '\ufffe', '\u2028', '|');
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(10),
                interesting.list().ofMaxSize(8).map(chars -> chars.stream().map(String::valueOf).reduce("", String::concat)));
    }

    @Test
    void theFirewallRejectsAControlCharacterInAHeaderAndLetsATokenThrough() {
        StrictHttpFirewall firewall = HeaderValues.firewall();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/accounts");
        request.addHeader("Authorization", "Bearer eyJhbGciOi.J9-_x");
        request.addHeader("X-Note", "line\nbreak");
        var firewalled = firewall.getFirewalledRequest(request);
        assertThat(firewalled.getHeader("Authorization")).isEqualTo("Bearer eyJhbGciOi.J9-_x");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> firewalled.getHeader("X-Note"))
                .isInstanceOf(RequestRejectedException.class);
    }
}
