package io.quipu.platform.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.quipu.platform.money.Money;
import jakarta.validation.ConstraintViolationException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error a service answers is an RFC 9457 problem detail with a stable {@code code}, and {@code errors} for
 * field problems. Malformed JSON, wrong types and unknown enum values are the client's mistake: 400, never 500.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsHandler.class);
    private static final int MAX_FIELD_PROBLEMS = 50;

    @ExceptionHandler(ApiException.class)
    public ResponseEntity<Object> handleApiException(ApiException exception) {
        return problem(exception.status(), exception.code(), exception.getMessage(), exception.fieldProblems());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    public ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException exception) {
        List<FieldProblem> problems = exception.getConstraintViolations().stream()
                .limit(MAX_FIELD_PROBLEMS)
                .map(violation -> new FieldProblem(lastNode(violation.getPropertyPath().toString()),
                        constraintCode(violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()),
                        violation.getMessage()))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "validation_failed", "The request has invalid fields.", problems);
    }

    @ExceptionHandler(Money.CurrencyMismatchException.class)
    public ResponseEntity<Object> handleCurrencyMismatch(Money.CurrencyMismatchException exception) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "currency_mismatch", exception.getMessage(), List.of());
    }

    /** The last line of defence: a bug, not bad input. Logged with its stack, answered without internals. */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<Object> handleUnexpected(Exception exception) {
        if (hasCause(exception, RequestBodyTooLargeException.class)) {
            return bodyTooLarge(exception);
        }
        log.error("unexpected error", exception);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                "Something went wrong on our side. The request may be retried with the same Idempotency-Key.", List.of());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (hasCause(exception, RequestBodyTooLargeException.class)) {
            return bodyTooLarge(exception);
        }
        Throwable cause = exception.getCause();
        if (cause instanceof UnrecognizedPropertyException unrecognized) {
            return problem(HttpStatus.BAD_REQUEST, "validation_failed", "The request has an unknown field.",
                    List.of(new FieldProblem(path(unrecognized), "unknown_field", "is not a field of this request")));
        }
        if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null && invalid.getTargetType().isEnum()) {
            String allowed = Arrays.stream(invalid.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", "));
            return problem(HttpStatus.BAD_REQUEST, "validation_failed", "The request has invalid fields.",
                    List.of(new FieldProblem(path(invalid), "invalid_value", "must be one of: " + allowed)));
        }
        if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            return problem(HttpStatus.BAD_REQUEST, "validation_failed", "The request has invalid fields.",
                    List.of(new FieldProblem(path(mismatched), "invalid_type", shortMessage(mismatched))));
        }
        if (cause instanceof StreamReadException || cause instanceof JacksonException) {
            return problem(HttpStatus.BAD_REQUEST, "malformed_json", "The request body is not valid JSON.", List.of());
        }
        return problem(HttpStatus.BAD_REQUEST, "unreadable_body", "The request body is missing or cannot be read.", List.of());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        for (FieldError error : exception.getBindingResult().getFieldErrors()) {
            if (problems.size() == MAX_FIELD_PROBLEMS) {
                break;
            }
            problems.add(new FieldProblem(error.getField(), constraintCode(error.getCode()), error.getDefaultMessage()));
        }
        exception.getBindingResult().getGlobalErrors().stream().limit(MAX_FIELD_PROBLEMS - problems.size()).forEach(error ->
                problems.add(new FieldProblem(error.getObjectName(), constraintCode(error.getCode()), error.getDefaultMessage())));
        return problem(HttpStatus.BAD_REQUEST, "validation_failed", "The request has invalid fields.", problems);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        exception.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error -> {
            if (problems.size() < MAX_FIELD_PROBLEMS) {
                String name = result.getMethodParameter().getParameterName();
                String code = error.getCodes() == null || error.getCodes().length == 0 ? "invalid" : lastNode(error.getCodes()[error.getCodes().length - 1]);
                problems.add(new FieldProblem(name == null ? "parameter" : name, constraintCode(code), error.getDefaultMessage()));
            }
        }));
        return problem(HttpStatus.BAD_REQUEST, "validation_failed", "The request has invalid parameters.", problems);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException exception, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = exception.getPropertyName() == null ? "parameter" : exception.getPropertyName();
        String expected = exception.getRequiredType() == null ? "another type" : exception.getRequiredType().getSimpleName();
        return problem(HttpStatus.BAD_REQUEST, "invalid_parameter", "A parameter has the wrong format.",
                List.of(new FieldProblem(name, "invalid_type", "must be a " + expected)));
    }

    /** Spring's own problems (404, 405, 415, ...) get the {@code code} member too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception exception, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(exception, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey(Problems.CODE))) {
            problem.setProperty(Problems.CODE, Problems.defaultCode(statusCode));
        }
        return response;
    }

    private ResponseEntity<Object> bodyTooLarge(Exception exception) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "body_too_large", rootMessage(exception), List.of());
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String code, String detail, List<FieldProblem> problems) {
        return ResponseEntity.status(status).body(Problems.of(status, code, detail, problems));
    }

    private static String path(JacksonException exception) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : exception.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String shortMessage(JacksonException exception) {
        String message = exception.getOriginalMessage();
        if (message == null) {
            return "has the wrong type";
        }
        // Jackson names Java types; clients need the rule, not our class names.
        int javaName = message.indexOf("`");
        String text = javaName > 0 && message.startsWith("Cannot") ? "has the wrong type" : message;
        return text.length() > 200 ? text.substring(0, 200) : text;
    }

    private static String constraintCode(String constraint) {
        if (constraint == null) {
            return "invalid";
        }
        return switch (constraint) {
            case "NotNull", "NotBlank", "NotEmpty" -> "required";
            default -> constraint.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        };
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static boolean hasCause(Throwable throwable, Class<? extends Throwable> type) {
        for (Throwable cause = throwable; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable throwable) {
        for (Throwable cause = throwable; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyTooLargeException) {
                return "The " + cause.getMessage() + ".";
            }
        }
        return throwable.getMessage();
    }
}
