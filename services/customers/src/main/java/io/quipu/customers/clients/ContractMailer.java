package io.quipu.customers.clients;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

import io.quipu.platform.clients.ProviderSettings;
import io.quipu.platform.clients.ProviderUnavailableException;

/**
 * E-mails the customer the contract they signed, as a PDF attachment, in Spanish or English. Only a failure to
 * connect is retried: then nothing was delivered, while after a timeout mid-way the customer may already have it.
 * Neither the address nor the contract is logged.
 */
public class ContractMailer {

    private static final Logger log = LoggerFactory.getLogger(ContractMailer.class);

    public static final int MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
    private static final String PROVIDER = "mail";
    private static final int MAX_NAME_CHARACTERS = 200;
    private static final int MAX_ADDRESS_CHARACTERS = 254;
    private static final String FILE_NAME = "[A-Za-z0-9._-]{1,96}\\.pdf";

    private final JavaMailSender mailSender;
    private final String from;
    private final Retry retry;

    /**
     * @param mailSender  with its time limits set ({@code mail.smtp.connectiontimeout}, {@code timeout}, {@code writetimeout})
     * @param from        the sender, such as {@code Quipu <no-reply@quipu.local>}
     * @param maxAttempts tries in all when the SMTP server cannot be reached (1 to 5)
     * @param retryWait   the pause before the first retry; it doubles each time
     */
    public ContractMailer(JavaMailSender mailSender, String from, int maxAttempts, Duration retryWait) {
        if (from == null || from.isBlank() || from.length() > MAX_ADDRESS_CHARACTERS + MAX_NAME_CHARACTERS) {
            throw new IllegalArgumentException("from must be an address, with a name or not");
        }
        if (maxAttempts < 1 || maxAttempts > ProviderSettings.MAX_ATTEMPTS_LIMIT) {
            throw new IllegalArgumentException("maxAttempts must be 1 to " + ProviderSettings.MAX_ATTEMPTS_LIMIT);
        }
        if (retryWait == null || retryWait.toMillis() < 1 || retryWait.compareTo(ProviderSettings.RETRY_WAIT_LIMIT) > 0) {
            throw new IllegalArgumentException("retryWait must be 1 ms to " + ProviderSettings.RETRY_WAIT_LIMIT);
        }
        this.mailSender = mailSender;
        this.from = from;
        this.retry = Retry.of(PROVIDER, RetryConfig.custom()
                .maxAttempts(maxAttempts)
                .intervalFunction(IntervalFunction.ofExponentialBackoff(retryWait.toMillis(), 2.0))
                .retryOnException(ContractMailer::isNotConnected)
                .build());
        retry.getEventPublisher().onRetry(event -> log.warn("mail: try {} of {} could not connect to the SMTP server, retrying in {} ms",
                event.getNumberOfRetryAttempts(), maxAttempts, event.getWaitInterval().toMillis()));
    }

    /**
     * @param language  Spanish ({@code es}) or English ({@code en})
     * @param fileName  the attachment's name, such as {@code contrato-CT-2026-000123.pdf}
     * @throws ProviderUnavailableException when the SMTP server could not be reached or did not take the message
     */
    public void sendSignedContract(String to, String customerFullName, Locale language, byte[] signedPdf,
            String fileName) {
        Arguments.requireText("to", to, MAX_ADDRESS_CHARACTERS);
        Arguments.requireText("customerFullName", customerFullName, MAX_NAME_CHARACTERS);
        Arguments.requireMatch("fileName", fileName, FILE_NAME);
        if (signedPdf == null || signedPdf.length == 0 || signedPdf.length > MAX_ATTACHMENT_BYTES) {
            throw new IllegalArgumentException("signedPdf must be 1 to " + MAX_ATTACHMENT_BYTES + " bytes");
        }
        Wording wording = Wording.of(language);
        // A name is one line: a line break in it must not become a header or a forged paragraph.
        String name = customerFullName.replaceAll("[\\r\\n\\t]+", " ").strip();
        MimeMessage message = prepare(to, wording.subject(), wording.body(name), signedPdf, fileName);
        try {
            Retry.decorateRunnable(retry, () -> mailSender.send(message)).run();
        } catch (MailParseException | MailPreparationException e) {
            throw new IllegalStateException("the contract e-mail could not be built", e);
        } catch (MailException e) {
            throw new ProviderUnavailableException(PROVIDER, "the SMTP server did not take the message ("
                    + rootCause(e).getClass().getSimpleName() + ")", e);
        }
    }

    private MimeMessage prepare(String to, String subject, String body, byte[] signedPdf, String fileName) {
        MimeMessage message = mailSender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(body, false);
            helper.addAttachment(fileName, new ByteArrayResource(signedPdf), "application/pdf");
        } catch (MessagingException e) {
            // An address that is not one: the caller checked it, so it is our bug.
            throw new IllegalArgumentException("the contract e-mail could not be built: " + e.getClass().getSimpleName());
        }
        return message;
    }

    private static boolean isNotConnected(Throwable failure) {
        Throwable cause = rootCause(failure);
        return cause instanceof ConnectException || cause instanceof UnknownHostException;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; depth < 20 && nextCause(cause) != null; depth++) {
            cause = nextCause(cause);
        }
        return cause;
    }

    /** Jakarta Mail keeps the cause of a failed send in the exception's "next exception" as well. */
    private static Throwable nextCause(Throwable failure) {
        if (failure instanceof org.springframework.mail.MailSendException send && send.getFailedMessages().size() == 1
                && failure.getCause() == null) {
            return send.getFailedMessages().values().iterator().next();
        }
        if (failure instanceof MessagingException messaging && messaging.getNextException() != null) {
            return messaging.getNextException();
        }
        return failure.getCause();
    }

    private record Wording(String subject, String greeting, String text, String closing) {

        private static final Wording SPANISH = new Wording("Tu contrato de cuenta de ahorros firmado",
                "Hola %s:",
                "Gracias por abrir tu cuenta de ahorros en Quipu. Adjuntamos el contrato que firmaste electrónicamente; "
                        + "guárdalo para tus registros. Si no reconoces esta operación, llámanos o escríbenos por el "
                        + "Libro de Reclamaciones de nuestra web.",
                "Atentamente,\nQuipu");
        private static final Wording ENGLISH = new Wording("Your signed savings account contract",
                "Hello %s,",
                "Thank you for opening your savings account with Quipu. Attached is the contract you signed "
                        + "electronically; keep it for your records. If you do not recognise this, call us or write to us "
                        + "through the Complaints Book on our website.",
                "Kind regards,\nQuipu");

        static Wording of(Locale language) {
            if (language == null) {
                throw new IllegalArgumentException("language is required (es or en)");
            }
            return switch (language.getLanguage()) {
                case "es" -> SPANISH;
                case "en" -> ENGLISH;
                default -> throw new IllegalArgumentException("language must be es or en");
            };
        }

        String body(String customerName) {
            return greeting.formatted(customerName) + "\n\n" + text + "\n\n" + closing + "\n";
        }
    }
}
