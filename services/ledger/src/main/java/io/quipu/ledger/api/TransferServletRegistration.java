package io.quipu.ledger.api;

import jakarta.validation.Validator;

import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import io.quipu.platform.web.ProblemDetailsHandler;
import tools.jackson.databind.json.JsonMapper;

/** Maps {@link TransferServlet} to exactly {@code /transfers}, ahead of Spring MVC's {@code /}. */
@Configuration(proxyBeanMethods = false)
class TransferServletRegistration {

    @Bean
    ServletRegistrationBean<TransferServlet> transferServlet(TransferController controller, LedgerMapping mapping,
            JsonMapper json, Validator validator, RequestMappingHandlerAdapter springMvc, ProblemDetailsHandler problems,
            LedgerExceptions ledgerProblems) {
        TransferServlet servlet = new TransferServlet(controller, mapping, json, validator,
                springMvc.getMessageConverters(), problems, ledgerProblems);
        ServletRegistrationBean<TransferServlet> registration = new ServletRegistrationBean<>(servlet, TransferServlet.PATH);
        registration.setName("transferServlet");
        return registration;
    }
}
