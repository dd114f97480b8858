package io.quipu.platform.web;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A request the service refuses, with the HTTP status and the stable machine-readable {@code code} that clients
 * branch on. Answered as RFC 9457 problem details by {@link ProblemDetailsHandler}.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final List<FieldProblem> fieldProblems;

    public ApiException(HttpStatus status, String code, String detail) {
        this(status, code, detail, List.of());
    }

    public ApiException(HttpStatus status, String code, String detail, List<FieldProblem> fieldProblems) {
        super(detail);
        this.status = status;
        this.code = code;
        this.fieldProblems = List.copyOf(fieldProblems);
    }

    public static ApiException notFound(String code, String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, code, detail);
    }

    public static ApiException badRequest(String code, String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, detail);
    }

    public static ApiException invalidField(String field, String code, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "validation_failed", "The request has invalid fields.",
                List.of(new FieldProblem(field, code, message)));
    }

    public static ApiException conflict(String code, String detail) {
        return new ApiException(HttpStatus.CONFLICT, code, detail);
    }

    public static ApiException unprocessable(String code, String detail) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, code, detail);
    }

    public static ApiException forbidden(String code, String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, code, detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }
}
