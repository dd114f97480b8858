package io.quipu.notifications.clients;

import java.time.Duration;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.quipu.notifications.domain.DeliveryFailure;

/**
 * Plain-text e-mails over SMTP (SendGrid in production, the sandbox's mailbox locally), one try per call: the
 * dispatcher spaces the retries. A circuit breaker stops calling a server that failed {@code circuitBreakerFailures}
 * times in a row, for {@code openDuration}. Neither the address nor the text is logged.
 */
public class EmailSender {

    public static final int MAX_ADDRESS_CHARACTERS = 254;

    private final JavaMailSender mailSender;
    private final String from;
    private final CircuitBreaker circuitBreaker;

    /**
     * @param mailSender with its time limits set ({@code mail.smtp.connectiontimeout}, {@code timeout}, {@code writetimeout})
     */
    public EmailSender(JavaMailSender mailSender, String from, int circuitBreakerFailures, Duration openDuration) {
        if (from == null || from.isBlank()) {
            throw new IllegalArgumentException("the sender address is required");
        }
        if (circuitBreakerFailures < 1 || circuitBreakerFailures > 100) {
            throw new IllegalArgumentException("circuit breaker failures must be 1 to 100");
        }
        this.mailSender = mailSender;
        this.from = from;
        this.circuitBreaker = CircuitBreaker.of("email", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(circuitBreakerFailures)
                .minimumNumberOfCalls(circuitBreakerFailures)
                .failureRateThreshold(100)
                .waitDurationInOpenState(openDuration)
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordException(failure -> failure instanceof MailException && !(failure instanceof MailParseException))
                .build());
    }

    public String circuitBreakerState() {
        return circuitBreaker.getState().name();
    }

    /** @throws DeliveryFailure permanent for an address that is not one, passing for anything else */
    public void send(String to, String subject, String body) {
        if (to == null || to.length() > MAX_ADDRESS_CHARACTERS || !to.contains("@")) {
            throw DeliveryFailure.permanent("invalid_email_address", "the customer's e-mail address is not one");
        }
        MimeMessage message = mailSender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(body, false);
        } catch (MessagingException e) {
            throw DeliveryFailure.permanent("invalid_email_address", "the e-mail could not be built: " + e.getClass().getSimpleName());
        }
        try {
            circuitBreaker.executeRunnable(() -> mailSender.send(message));
        } catch (CallNotPermittedException e) {
            throw DeliveryFailure.passing("email_circuit_open", "the SMTP server failed too often; its circuit is open", null);
        } catch (MailParseException | MailPreparationException e) {
            throw DeliveryFailure.permanent("email_not_built", "the e-mail could not be built: " + e.getClass().getSimpleName());
        } catch (MailAuthenticationException e) {
            throw DeliveryFailure.passing("email_authentication_failed", "the SMTP server refused our credentials", null);
        } catch (MailException e) {
            throw DeliveryFailure.passing("email_unavailable", "the SMTP server did not take the message ("
                    + rootCause(e).getClass().getSimpleName() + ")", null);
        }
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; depth < 20 && cause.getCause() != null; depth++) {
            cause = cause.getCause();
        }
        return cause;
    }
}
