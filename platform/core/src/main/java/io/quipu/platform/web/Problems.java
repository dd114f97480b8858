package io.quipu.platform.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problem details with Quipu's {@code code} and {@code errors} extension members. */
public final class Problems {

    public static final String CODE = "code";
    public static final String ERRORS = "errors";
    private static final String TYPE_BASE = "https://quipu.io/problems/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + code.replace('_', '-')));
        problem.setProperty(CODE, code);
        return problem;
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail, List<FieldProblem> fieldProblems) {
        ProblemDetail problem = of(status, code, detail);
        if (!fieldProblems.isEmpty()) {
            problem.setProperty(ERRORS, fieldProblems);
        }
        return problem;
    }

    /** The code used when a handler gave none: the status's reason phrase in snake case ({@code not_found}). */
    public static String defaultCode(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "http_" + status.value() : known.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Writes a problem where no message converter is at hand (servlet filters, security entry points). The detail is
     * escaped by hand to keep this usable before the MVC infrastructure exists.
     */
    public static void write(HttpServletResponse response, HttpStatus status, String code, String detail) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String body = "{\"type\":\"" + TYPE_BASE + code.replace('_', '-') + "\",\"title\":\"" + escape(status.getReasonPhrase())
                + "\",\"status\":" + status.value() + ",\"detail\":\"" + escape(detail) + "\",\"code\":\"" + escape(code) + "\"}";
        response.getWriter().write(body);
        response.flushBuffer();
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (char character : text.toCharArray()) {
            switch (character) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (character < 0x20) {
                        escaped.append(String.format("\\u%04x", (int) character));
                    } else {
                        escaped.append(character);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
