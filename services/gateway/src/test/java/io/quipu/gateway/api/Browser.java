package io.quipu.gateway.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * What the web app's browser does with the gateway's cookies, by hand so the test sees every Set-Cookie: keeps them,
 * sends them back (Secure or not: the test runs on plain http) and echoes {@code XSRF-TOKEN} as {@code X-XSRF-TOKEN}
 * when asked to.
 */
final class Browser {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String baseUrl;
    private final Map<String, String> cookies = new ConcurrentHashMap<>();

    Browser(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    /** A POST as the web app sends it, with the CSRF header. */
    HttpResponse<String> post(String path, String json) {
        return send(request(path).header("X-XSRF-TOKEN", cookie("XSRF-TOKEN").orElse("none"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A POST a forged cross-site form could send: the cookies, but no CSRF header. */
    HttpResponse<String> postWithoutCsrfHeader(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    /** GET /bff/session for the CSRF cookie, then the password and the code. */
    HttpResponse<String> logIn() {
        get("/bff/session");
        HttpResponse<String> login = post("/bff/login", "{\"username\":\"demo.ana\",\"password\":\"" + IdentityStandIn.PASSWORD + "\"}");
        if (login.statusCode() != 200) {
            throw new IllegalStateException("login answered " + login.statusCode() + ": " + login.body());
        }
        return post("/bff/verify-otp", "{\"otp\":\"" + IdentityStandIn.OTP + "\"}");
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return request;
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            keepCookies(response.headers().allValues("Set-Cookie"));
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void keepCookies(List<String> setCookies) {
        for (String setCookie : setCookies) {
            String nameAndValue = setCookie.split(";", 2)[0];
            int equals = nameAndValue.indexOf('=');
            String name = nameAndValue.substring(0, equals).trim();
            String value = nameAndValue.substring(equals + 1).trim();
            boolean deleted = value.isEmpty() || setCookie.toLowerCase().contains("max-age=0");
            if (deleted) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }
}
