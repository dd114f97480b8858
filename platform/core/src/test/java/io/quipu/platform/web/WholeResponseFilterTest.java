package io.quipu.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class WholeResponseFilterTest {

    @Test
    void theApplicationsFlushesDoNotCommitTheResponseButItsBytesAllArrive() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        var committedAfterFlushes = new boolean[1];
        HttpServlet servlet = new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse answer) throws java.io.IOException {
                answer.setContentType("application/json");
                answer.getOutputStream().write("{\"result\":".getBytes(StandardCharsets.UTF_8));
                answer.getOutputStream().flush();
                answer.getOutputStream().write("\"ok\"}".getBytes(StandardCharsets.UTF_8));
                answer.flushBuffer();
                committedAfterFlushes[0] = answer.isCommitted();
            }
        };

        new WholeResponseFilter().doFilter(new MockHttpServletRequest("POST", "/transfers"), response,
                new MockFilterChain(servlet));

        assertThat(committedAfterFlushes[0]).isFalse();
        assertThat(response.getContentAsString()).isEqualTo("{\"result\":\"ok\"}");
        assertThat(response.getContentType()).isEqualTo("application/json");
    }
}
