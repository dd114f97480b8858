package io.quipu.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class BearerTokenHeaderTest {

    /** What Spring Security's resolver does with the header: the reference the loop must agree with. */
    static final DefaultBearerTokenResolver REFERENCE = new DefaultBearerTokenResolver();

    @Property(tries = 3000)
    void agreesWithSpringSecuritysResolver(@ForAll("headers") String header) {
        assertThat(verdict(BearerTokenHeader::token, header)).as(header)
                .isEqualTo(verdict(value -> REFERENCE.resolve(requestWith(value)), header));
    }

    @Provide
    Arbitrary<String> headers() {
        Arbitrary<String> scheme = Arbitraries.of("Bearer ", "bearer ", "BEARER ", "Bearer", "Bearer  ", "Basic ", "Bear ", "");
        Arbitrary<String> token = Arbitraries.strings().withChars("aZ09-._~+/=  \t!%\u00e9").ofMinLength(0).ofMaxLength(12);
        return Arbitraries.oneOf(
                scheme.flatMap(prefix -> token.map(rest -> prefix + rest)),
                Arbitraries.strings().ofMaxLength(12));
    }

    @Test
    void aWellFormedTokenIsReturnedAndAMalformedOneIsRefused() {
        assertThat(BearerTokenHeader.token("Bearer eyJ.abc-_~+/x==")).isEqualTo("eyJ.abc-_~+/x==");
        assertThat(BearerTokenHeader.token("Basic dXNlcjpwYXNz")).isNull();
        assertThat(BearerTokenHeader.token(null)).isNull();
        assertThatThrownBy(() -> BearerTokenHeader.token("Bearer a=b")).isInstanceOf(OAuth2AuthenticationException.class)
                .hasMessageContaining("malformed");
        assertThatThrownBy(() -> BearerTokenHeader.token("Bearer ")).isInstanceOf(OAuth2AuthenticationException.class);
    }

    interface Resolver {
        String resolve(String header);
    }

    /** The token, "none", or "malformed": what the resolver made of the header. */
    static String verdict(Resolver resolver, String header) {
        try {
            String token = resolver.resolve(header);
            return token == null ? "none" : "token:" + token;
        } catch (OAuth2AuthenticationException malformed) {
            return "malformed:" + malformed.getError().getDescription();
        }
    }

    static MockHttpServletRequest requestWith(String header) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/transfers");
        request.addHeader("Authorization", header);
        return request;
    }
}
