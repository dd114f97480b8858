package io.quipu.ledger.api;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.filter.ServerHttpObservationFilter;

import io.quipu.contracts.ledger.TransferRequest;
import io.quipu.contracts.ledger.TransferResult;
import io.quipu.ledger.domain.TransferCommand;
import io.quipu.ledger.store.TransferWriter;
import io.quipu.platform.web.ApiException;
import io.quipu.platform.web.ProblemDetailsHandler;
import io.quipu.platform.web.ReadBodyRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /transfers}, the ledger's busiest request, without Spring MVC's dispatch: that dispatch was a fifth of
 * the ledger's CPU per single transfer (docs/performance.md, "the eighth round"). Every filter (security, observation,
 * body limit, request id) runs as for any request.
 *
 * <p>Only a JSON body that reads, parses, validates and maps cleanly is served here. Any other is handed, with the bytes
 * read, to Spring MVC, where {@link TransferController#create} answers it with the platform's problem details as it
 * always has. Answers are written with Spring MVC's own message converters, and refusals come from the same exception
 * handlers, so a client sees the same answer on either path.
 */
final class TransferServlet extends HttpServlet {

    static final String PATH = "/transfers";
    private static final String DISPATCHER_SERVLET = "dispatcherServlet";

    private final transient TransferController controller;
    private final transient LedgerMapping mapping;
    private final transient JsonMapper json;
    private final transient Validator validator;
    private final transient HttpMessageConverter<Object> resultConverter;
    private final transient HttpMessageConverter<Object> problemConverter;
    private final transient ProblemDetailsHandler problems;
    private final transient LedgerExceptions ledgerProblems;

    TransferServlet(TransferController controller, LedgerMapping mapping, JsonMapper json, Validator validator,
                    List<HttpMessageConverter<?>> converters, ProblemDetailsHandler problems, LedgerExceptions ledgerProblems) {
        this.controller = controller;
        this.mapping = mapping;
        this.json = json;
        this.validator = validator;
        // Only two kinds of answer leave this servlet; their converters are found once, as Spring MVC would find them.
        this.resultConverter = converterFor(converters, TransferResult.class, MediaType.APPLICATION_JSON);
        this.problemConverter = converterFor(converters, ProblemDetail.class, MediaType.APPLICATION_PROBLEM_JSON);
        this.problems = problems;
        this.ledgerProblems = ledgerProblems;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        // The request's metrics and trace name the endpoint, as Spring MVC's handler mapping would have.
        ServerHttpObservationFilter.findObservationContext(request).ifPresent(context -> context.setPathPattern(PATH));
        if (!isJson(request.getContentType())) {
            handToSpringMvc(request, response, new byte[0], null);
            return;
        }
        byte[] body;
        try {
            body = ReadBodyRequest.readBody(request);
        } catch (IOException e) {
            handToSpringMvc(request, response, new byte[0], e);
            return;
        }
        TransferCommand command = commandOrNull(body);
        if (command == null) {
            handToSpringMvc(request, response, body, null);
            return;
        }
        ResponseEntity<?> answer;
        try {
            answer = controller.answer(controller.execute(List.of(command)).get(0));
        } catch (ApiException refused) {
            answer = problems.handleApiException(refused);
        } catch (TransferWriter.LedgerBusyException busy) {
            answer = ledgerProblems.busy(busy);
        } catch (RuntimeException bug) {
            answer = problems.handleUnexpected(bug);
        }
        write(answer, response);
    }

    /** Other methods on this path go to Spring MVC too, which answers them with its 405 problem. */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if ("POST".equals(request.getMethod())) {
            doPost(request, response);
        } else {
            handToSpringMvc(request, response, new byte[0], null);
        }
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            return MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(contentType));
        } catch (RuntimeException e) {
            return false; // Spring MVC answers a malformed content type
        }
    }

    /** The command, or null when anything about the body is not plain: Spring MVC then explains what. */
    private TransferCommand commandOrNull(byte[] body) {
        try {
            TransferRequest request = json.readValue(body, TransferRequest.class);
            if (request == null || !validator.validate(request).isEmpty()) {
                return null;
            }
            return mapping.command(request, "body");
        } catch (JacksonException | ApiException e) {
            return null;
        }
    }

    private void handToSpringMvc(HttpServletRequest request, HttpServletResponse response, byte[] body,
                                 IOException readFailure) throws ServletException, IOException {
        RequestDispatcher dispatcher = getServletContext().getNamedDispatcher(DISPATCHER_SERVLET);
        dispatcher.forward(new ReadBodyRequest(request, body, readFailure), response);
    }

    private void write(ResponseEntity<?> answer, HttpServletResponse response) throws IOException {
        Object body = answer.getBody();
        boolean problem = body instanceof ProblemDetail;
        assert problem || body instanceof TransferResult : "unexpected answer " + body;
        response.setStatus(answer.getStatusCode().value());
        answer.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        ServletServerHttpResponse output = new ServletServerHttpResponse(response);
        if (problem) {
            problemConverter.write(body, MediaType.APPLICATION_PROBLEM_JSON, output);
        } else {
            resultConverter.write(body, MediaType.APPLICATION_JSON, output);
        }
        output.flush();
    }

    /** The first converter that writes {@code type} as {@code mediaType}, as Spring MVC picks it; fails at start-up if none. */
    @SuppressWarnings("unchecked")
    private static HttpMessageConverter<Object> converterFor(List<HttpMessageConverter<?>> converters, Class<?> type,
                                                             MediaType mediaType) {
        for (HttpMessageConverter<?> converter : converters) {
            if (converter.canWrite(type, mediaType)) {
                return (HttpMessageConverter<Object>) converter;
            }
        }
        throw new IllegalStateException("no message converter writes " + type + " as " + mediaType);
    }
}
