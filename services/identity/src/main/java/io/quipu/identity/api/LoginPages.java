package io.quipu.identity.api;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.HtmlUtils;

import io.quipu.platform.web.ApiException;

/**
 * The login page's HTML: plain forms (no script), Spanish first with English below, every value escaped. Messages come
 * from the same problems the JSON API answers, so they help without saying whether a username exists.
 */
final class LoginPages {

    private LoginPages() {
    }

    static String message(ApiException refused) {
        return switch (refused.code()) {
            case "invalid_credentials" -> "Usuario o contraseña incorrectos. / Wrong username or password.";
            case "invalid_otp" -> "Código incorrecto. / Wrong code. " + refused.getMessage();
            case "login_expired" -> "El código venció o se usó. Ingrese de nuevo. / The code expired or was used; log in again.";
            case "account_locked" -> "Cuenta bloqueada temporalmente. / Account locked for a while. " + refused.getMessage();
            case "too_many_pending_logins" -> "Demasiados ingresos a la vez; espere unos minutos. / Too many logins at once; wait a few minutes.";
            case "otp_delivery_failed" -> "No pudimos enviar el SMS; intente de nuevo. / We could not send the SMS; try again.";
            default -> refused.getMessage();
        };
    }

    static String password(CsrfToken csrf, String error) {
        return layout("Ingresar / Log in", error, """
                <form method="post" action="/login">
                  <label for="username">Usuario / Username</label>
                  <input id="username" name="username" autocomplete="username" required maxlength="64" autofocus>
                  <label for="password">Contraseña / Password</label>
                  <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="128">
                  %s
                  <button type="submit">Continuar / Continue</button>
                </form>""".formatted(hidden(csrf)));
    }

    static String code(CsrfToken csrf, String error) {
        return layout("Código por SMS / SMS code", error, """
                <p>Enviamos un código de 6 dígitos a su celular. / We sent a 6-digit code to your phone.</p>
                <form method="post" action="/login/otp">
                  <label for="otp">Código / Code</label>
                  <input id="otp" name="otp" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required autofocus>
                  %s
                  <button type="submit">Ingresar / Log in</button>
                </form>""".formatted(hidden(csrf)));
    }

    static String done() {
        return layout("Sesión iniciada / Logged in", null, "<p>Puede volver a la aplicación. / You can return to the app.</p>");
    }

    /** Escapes markup only; Spanish letters stay as they are (the page is UTF-8). */
    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static String hidden(CsrfToken csrf) {
        return "<input type=\"hidden\" name=\"%s\" value=\"%s\">".formatted(escape(csrf.getParameterName()),
                escape(csrf.getToken()));
    }

    private static String layout(String title, String error, String body) {
        String alert = error == null ? "" : "<p role=\"alert\" class=\"error\">" + escape(error) + "</p>";
        return """
                <!doctype html>
                <html lang="es">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>Quipu · %1$s</title>
                  <style>
                    body { font-family: system-ui, sans-serif; max-width: 24rem; margin: 3rem auto; padding: 0 1rem; color: #1a1a1a; }
                    label, input, button { display: block; width: 100%%; box-sizing: border-box; margin-top: .5rem; }
                    input { padding: .6rem; font-size: 1rem; }
                    button { margin-top: 1.2rem; padding: .7rem; font-size: 1rem; background: #0b4f8a; color: #fff; border: 0; border-radius: .3rem; }
                    .error { color: #a40000; font-weight: 600; }
                  </style>
                </head>
                <body>
                  <h1>%1$s</h1>
                  %2$s
                  %3$s
                </body>
                </html>
                """.formatted(escape(title), alert, body);
    }
}
