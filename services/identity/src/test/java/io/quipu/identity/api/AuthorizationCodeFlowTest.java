package io.quipu.identity.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import io.quipu.platform.test.EmbeddedInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authorization code + PKCE as a browser and an app do it: the authorization request, identity's login page (password,
 * then the SMS code), the redirect with the code, and the token request with the code verifier.
 */
@EmbeddedInfrastructure(database = "identity")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "quipu.security.issuer=" + IdentityApiTest.ISSUER,
        "quipu.identity.demo-users=true",
        "quipu.identity.sms.api-key=" + SmsStandIn.API_KEY,
        "quipu.identity.sms.first-retry-pause=50ms"})
class AuthorizationCodeFlowTest {

    static final SmsStandIn SMS = new SmsStandIn();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String MOBILE_REDIRECT = "http://127.0.0.1/oauth2/callback";
    static final String WEB_REDIRECT = "http://localhost:8080/bff/oauth2/callback";
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @DynamicPropertySource
    static void smsProvider(DynamicPropertyRegistry registry) {
        registry.add("quipu.services.sandbox.url", SMS::baseUrl);
    }

    @LocalServerPort
    int port;

    @Test
    void anAppGetsTokensForTheCustomerAfterPasswordAndSmsCodeWithPkce() throws Exception {
        Pkce pkce = Pkce.create();
        Browser browser = new Browser();
        String callback = browser.logIn(authorizeUrl("quipu-mobile", MOBILE_REDIRECT, "openid customers:read payments:write", pkce),
                "demo.ana", "Quipu-Demo-2026", "+51900000001");
        assertThat(callback).startsWith(MOBILE_REDIRECT + "?code=").contains("state=state-123");
        String code = queryParameter(callback, "code");

        HttpResponse<String> tokens = token(null, Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", MOBILE_REDIRECT, "client_id", "quipu-mobile", "code_verifier", pkce.verifier()));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(tokens.body());
        assertThat(answer.has("refresh_token")).as("no refresh token for a public client").isFalse();

        JWTClaimsSet access = validate(answer.get("access_token").asString());
        assertThat(access.getSubject()).isEqualTo(IdentityApiTest.ANA_CUSTOMER_ID);
        assertThat(access.getStringClaim("customer_id")).isEqualTo(IdentityApiTest.ANA_CUSTOMER_ID);
        assertThat(access.getStringClaim("client_id")).isEqualTo("quipu-mobile");
        assertThat(access.getStringClaim("scope")).isEqualTo("openid customers:read payments:write");
        assertThat(access.getAudience()).contains("customers", "payments", "gateway").doesNotContain("ledger", "loans");
        JWTClaimsSet id = validate(answer.get("id_token").asString());
        assertThat(id.getSubject()).isEqualTo(IdentityApiTest.ANA_CUSTOMER_ID);
        assertThat(id.getAudience()).containsExactly("quipu-mobile");

        // A code works once.
        HttpResponse<String> again = token(null, Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", MOBILE_REDIRECT, "client_id", "quipu-mobile", "code_verifier", pkce.verifier()));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("invalid_grant");
    }

    @Test
    void withoutTheRightCodeVerifierTheCodeIsWorthNothing() throws Exception {
        Pkce pkce = Pkce.create();
        String callback = new Browser().logIn(authorizeUrl("quipu-mobile", MOBILE_REDIRECT, "openid customers:read", pkce),
                "demo.luis", "Quipu-Demo-2026", "+51900000002");
        String code = queryParameter(callback, "code");

        HttpResponse<String> stolen = token(null, Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", MOBILE_REDIRECT, "client_id", "quipu-mobile", "code_verifier", Pkce.create().verifier()));
        assertThat(stolen.statusCode()).isEqualTo(400);
        assertThat(stolen.body()).contains("invalid_grant");
        HttpResponse<String> withoutVerifier = token(null, Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", MOBILE_REDIRECT, "client_id", "quipu-mobile"));
        assertThat(withoutVerifier.statusCode()).isIn(400, 401);
    }

    @Test
    void anAuthorizationRequestWithoutPkceIsRefused() throws Exception {
        String withoutChallenge = "/oauth2/authorize?response_type=code&client_id=quipu-mobile&redirect_uri="
                + encode(MOBILE_REDIRECT) + "&scope=openid&state=state-123";
        HttpResponse<String> refused = new Browser().get(withoutChallenge);
        assertThat(refused.statusCode()).isEqualTo(302);
        String location = refused.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(MOBILE_REDIRECT).contains("error=invalid_request").doesNotContain("code=");

        // An unregistered redirect never receives anything: the server answers itself.
        HttpResponse<String> foreign = new Browser().get(authorizeUrl("quipu-mobile", "https://attacker.example/cb", "openid",
                Pkce.create()));
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(foreign.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void theWebClientsRefreshTokenRotatesAndAReuseRevokesTheAuthorization() throws Exception {
        Pkce pkce = Pkce.create();
        String callback = new Browser().logIn(authorizeUrl("quipu-web", WEB_REDIRECT, "openid customers:read", pkce),
                "demo.ana", "Quipu-Demo-2026", "+51900000001");
        HttpResponse<String> first = token("quipu-web:quipu-web-secret", Map.of("grant_type", "authorization_code",
                "code", queryParameter(callback, "code"), "redirect_uri", WEB_REDIRECT, "code_verifier", pkce.verifier()));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        String firstRefresh = JSON.readTree(first.body()).get("refresh_token").asString();

        HttpResponse<String> second = token("quipu-web:quipu-web-secret", Map.of("grant_type", "refresh_token",
                "refresh_token", firstRefresh));
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        JsonNode secondTokens = JSON.readTree(second.body());
        String secondRefresh = secondTokens.get("refresh_token").asString();
        assertThat(secondRefresh).isNotEqualTo(firstRefresh);
        assertThat(validate(secondTokens.get("access_token").asString()).getSubject()).isEqualTo(IdentityApiTest.ANA_CUSTOMER_ID);
        assertThat(active(secondTokens.get("access_token").asString())).isTrue();

        // The first token again: a copy is in someone's hands. It fails, and so does everything issued after it.
        HttpResponse<String> reuse = token("quipu-web:quipu-web-secret", Map.of("grant_type", "refresh_token",
                "refresh_token", firstRefresh));
        assertThat(reuse.statusCode()).isEqualTo(400);
        assertThat(reuse.body()).contains("invalid_grant");
        HttpResponse<String> afterReuse = token("quipu-web:quipu-web-secret", Map.of("grant_type", "refresh_token",
                "refresh_token", secondRefresh));
        assertThat(afterReuse.statusCode()).isEqualTo(400);
        assertThat(active(secondTokens.get("access_token").asString())).isFalse();
    }

    @Test
    void staffGetOnlyStaffScopesAndTheirRoles() throws Exception {
        Pkce pkce = Pkce.create();
        String callback = new Browser().logIn(authorizeUrl("quipu-web", WEB_REDIRECT,
                        "openid customers:read customers:write payments:write", pkce),
                "demo.admin", "Quipu-Admin-2026", "+51900000090");
        HttpResponse<String> tokens = token("quipu-web:quipu-web-secret", Map.of("grant_type", "authorization_code",
                "code", queryParameter(callback, "code"), "redirect_uri", WEB_REDIRECT, "code_verifier", pkce.verifier()));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        JWTClaimsSet access = validate(JSON.readTree(tokens.body()).get("access_token").asString());
        assertThat(access.getSubject()).isEqualTo("demo.admin");
        assertThat(access.getStringListClaim("roles")).containsExactly("admin");
        // customers:write and payments:write are customers' scopes: a staff login never holds them.
        assertThat(access.getStringClaim("scope")).isEqualTo("openid customers:read");
        assertThat(access.getClaim("customer_id")).isNull();
    }

    @Test
    void theLoginPageHelpsWithoutSayingWhetherAUserExists() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> page = browser.get("/login");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'none'");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        String csrf = csrf(page.body());

        HttpResponse<String> wrongPassword = browser.postForm("/login", Map.of("username", "demo.luis", "password", "not-the-password",
                "_csrf", csrf));
        HttpResponse<String> unknownUser = browser.postForm("/login", Map.of("username", "nobody.here", "password", "not-the-password",
                "_csrf", csrf));
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(unknownUser.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.body()).contains("Usuario o contraseña incorrectos");
        assertThat(withoutToken(unknownUser.body())).isEqualTo(withoutToken(wrongPassword.body()));

        // A form posted from another site carries no CSRF token.
        HttpResponse<String> forged = new Browser().postForm("/login", Map.of("username", "demo.luis", "password", "x"));
        assertThat(forged.statusCode()).isEqualTo(403);
        // The code page without a password step sends back to the start.
        HttpResponse<String> skipped = new Browser().get("/login/otp");
        assertThat(skipped.statusCode()).isEqualTo(303);
        assertThat(skipped.headers().firstValue("Location")).contains("/login");
    }

    @Test
    void aWrongCodeKeepsTheCodePageAndTheRightOneStillWorks() throws Exception {
        Pkce pkce = Pkce.create();
        Browser browser = new Browser();
        assertThat(browser.get(authorizeUrl("quipu-mobile", MOBILE_REDIRECT, "openid", pkce)).statusCode()).isEqualTo(302);
        HttpResponse<String> codePage = browser.password("demo.luis", "Quipu-Demo-2026");
        String otp = SMS.latestOtp("+51900000002");
        String wrong = otp.equals("000000") ? "111111" : "000000";
        HttpResponse<String> refused = browser.postForm("/login/otp", Map.of("otp", wrong, "_csrf", csrf(codePage.body())));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("Código incorrecto").contains("name=\"otp\"");

        HttpResponse<String> accepted = browser.postForm("/login/otp", Map.of("otp", otp, "_csrf", csrf(refused.body())));
        assertThat(accepted.statusCode()).isEqualTo(303);
        assertThat(browser.get(accepted.headers().firstValue("Location").orElseThrow()).headers().firstValue("Location").orElseThrow())
                .startsWith(MOBILE_REDIRECT + "?code=");
    }

    // --- a browser and the OAuth2 client's side ----------------------------------------------------------------------

    /** A browser: keeps cookies, follows nothing by itself (each redirect is asserted). */
    final class Browser {
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String pathOrUrl) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(uri(pathOrUrl)).header("Accept", "text/html").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postForm(String path, Map<String, String> fields) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** The password step; returns the code page. */
        HttpResponse<String> password(String username, String password) throws IOException, InterruptedException {
            HttpResponse<String> loginPage = get("/login");
            assertThat(loginPage.statusCode()).isEqualTo(200);
            HttpResponse<String> afterPassword = postForm("/login", Map.of("username", username, "password", password,
                    "_csrf", csrf(loginPage.body())));
            assertThat(afterPassword.statusCode()).as(afterPassword.body()).isEqualTo(303);
            assertThat(afterPassword.headers().firstValue("Location")).contains("/login/otp");
            HttpResponse<String> codePage = get("/login/otp");
            assertThat(codePage.statusCode()).isEqualTo(200);
            return codePage;
        }

        /** From the authorization request to the redirect back to the client; returns where the browser is sent. */
        String logIn(String authorizeUrl, String username, String password, String phone) throws IOException, InterruptedException {
            HttpResponse<String> toLogin = get(authorizeUrl);
            assertThat(toLogin.statusCode()).as(toLogin.body()).isEqualTo(302);
            assertThat(toLogin.headers().firstValue("Location").orElseThrow()).endsWith("/login");
            HttpResponse<String> codePage = password(username, password);
            HttpResponse<String> afterCode = postForm("/login/otp", Map.of("otp", SMS.latestOtp(phone), "_csrf", csrf(codePage.body())));
            assertThat(afterCode.statusCode()).as(afterCode.body()).isEqualTo(303);
            String backToAuthorize = afterCode.headers().firstValue("Location").orElseThrow();
            assertThat(backToAuthorize).contains("/oauth2/authorize");
            HttpResponse<String> toClient = get(backToAuthorize);
            assertThat(toClient.statusCode()).as(toClient.body()).isEqualTo(302);
            return toClient.headers().firstValue("Location").orElseThrow();
        }
    }

    record Pkce(String verifier, String challenge) {
        static Pkce create() throws Exception {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
        }
    }

    private String authorizeUrl(String clientId, String redirectUri, String scope, Pkce pkce) {
        return "/oauth2/authorize?response_type=code&client_id=" + clientId + "&redirect_uri=" + encode(redirectUri)
                + "&scope=" + encode(scope) + "&state=state-123&code_challenge=" + pkce.challenge() + "&code_challenge_method=S256";
    }

    private HttpResponse<String> token(String basicCredentials, Map<String, String> fields) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
        if (basicCredentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basicCredentials.getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private boolean active(String accessToken) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri("/oauth2/introspect"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("quipu-web:quipu-web-secret".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("token", accessToken)))).build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body()).get("active").asBoolean();
    }

    private JWTClaimsSet validate(String token) throws Exception {
        JWKSet keys = JWKSet.parse(HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/oauth2/jwks")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(keys)));
        JWTClaimsSet claims = processor.process(token, null);
        assertThat(claims.getIssuer()).isEqualTo(IdentityApiTest.ISSUER);
        assertThat(claims.getExpirationTime()).isInTheFuture();
        return claims;
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : "http://127.0.0.1:" + port + pathOrUrl);
    }

    private static String csrf(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as(html).isTrue();
        return matcher.group(1);
    }

    private static String withoutToken(String html) {
        return CSRF.matcher(html).replaceAll("");
    }

    private static String queryParameter(String url, String name) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            parameters.put(parts[0], parts.length == 2 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return parameters.get(name);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
