package io.quipu.sandbox.api;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.quipu.sandbox.domain.faults.Fault;
import io.quipu.sandbox.domain.faults.FaultBook;
import io.quipu.sandbox.domain.faults.FaultMode;
import io.quipu.sandbox.domain.mail.MailAttachment;
import io.quipu.sandbox.domain.mail.Mailbox;
import io.quipu.sandbox.domain.mail.ReceivedMail;
import io.quipu.sandbox.domain.push.PushInbox;
import io.quipu.sandbox.domain.push.PushMessage;
import io.quipu.sandbox.domain.sms.OneTimePasswords;
import io.quipu.sandbox.domain.sms.SmsInbox;
import io.quipu.sandbox.domain.sms.SmsMessage;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * A page for people: the newest e-mails, SMS and push messages, so a demo user can read a one-time password or a
 * contract e-mail in a browser. Everything shown came from outside, so all of it is escaped, and the page allows no script at all.
 */
@RestController
@Hidden
public class HomePageController {

    static final int SHOWN_MESSAGES = 20;
    private static final int SHOWN_BODY_CHARACTERS = 2_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;

    private final Mailbox mailbox;
    private final SmsInbox smsInbox;
    private final PushInbox pushInbox;
    private final FaultBook faultBook;

    public HomePageController(Mailbox mailbox, SmsInbox smsInbox, PushInbox pushInbox, FaultBook faultBook) {
        this.mailbox = mailbox;
        this.smsInbox = smsInbox;
        this.pushInbox = pushInbox;
        this.faultBook = faultBook;
    }

    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> home() {
        StringBuilder page = new StringBuilder(16_384);
        page.append("""
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8">
                <meta http-equiv="refresh" content="15">
                <title>Quipu sandbox</title>
                <style>
                body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem;color:#222}
                table{border-collapse:collapse;width:100%;margin-bottom:2rem}
                th,td{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top}
                pre{white-space:pre-wrap;margin:0;font-size:.9em}
                .otp{font-family:monospace;font-size:1.3em;font-weight:bold;background:#ffe}
                .muted{color:#777}
                </style></head><body>
                <h1>Quipu sandbox</h1>
                <p class="muted">Simulated external systems. This page refreshes every 15 seconds.
                JSON: <a href="/sandbox/sms">/sandbox/sms</a>, <a href="/sandbox/push">/sandbox/push</a>,
                <a href="/sandbox/mail">/sandbox/mail</a>,
                <a href="/sandbox/faults">/sandbox/faults</a>,
                API docs: <a href="/swagger-ui.html">/swagger-ui.html</a>.</p>
                """);
        appendProviders(page, faultBook.active());
        appendSms(page, smsInbox.latest(null, SHOWN_MESSAGES));
        appendPush(page, pushInbox.latest(null, SHOWN_MESSAGES));
        appendMail(page, mailbox.latest(null, SHOWN_MESSAGES));
        page.append("</body></html>\n");
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .header("X-Content-Type-Options", "nosniff")
                .body(page.toString());
    }

    /** The onboarding providers, what a test can control in each, and the faults in force (set at /sandbox/faults). */
    private static void appendProviders(StringBuilder page, List<Fault> faults) {
        page.append("""
                <h2>Onboarding providers</h2>
                <table><tr><th>provider</th><th>API (X-Api-Key)</th><th>control</th></tr>
                <tr><td>Identity registry</td><td>GET /registry/v1/persons/{DNI|CEDULA_EC}/{number}</td>
                <td>PUT/DELETE /sandbox/registry/persons/{type}/{number}; DNI ending in 000: not found; 10000009: deceased</td></tr>
                <tr><td>Biometrics</td><td>POST /biometrics/v1/verifications</td><td>GET /sandbox/biometrics/templates/{photoReference}</td></tr>
                <tr><td>Screening</td><td>POST /screening/v1/checks</td><td>POST/DELETE /sandbox/screening/entries</td></tr>
                <tr><td>E-signature</td><td>POST /esign/v1/signatures</td><td>GET <a href="/sandbox/esign/certificate">/sandbox/esign/certificate</a></td></tr>
                </table>
                <h2>Payment networks and market data</h2>
                <table><tr><th>provider</th><th>API (X-Api-Key)</th><th>control</th></tr>
                <tr><td>Clearing house (CCE-like)</td><td>POST /clearing/v1/transfers; GET /clearing/v1/transfers/{traceNumber}</td>
                <td><a href="/sandbox/clearing/transfers">/sandbox/clearing/transfers</a>, POST …/{traceNumber}/settle, …/return;
                creditor account ending in 901 AC01, 902 AC04 (rejected), 903 AC04, 904 MS03 (returned), 905 never settles</td></tr>
                <tr><td>SWIFT-like network</td><td>POST /swift/v1/payments; GET /swift/v1/payments/{uetr}</td>
                <td><a href="/sandbox/swift/payments">/sandbox/swift/payments</a>, POST …/{uetr}/settle, …/return; IBAN ending in 999: returned AC04</td></tr>
                <tr><td>FX rates</td><td>GET /fx/v1/rates?base=USD&amp;quote=PEN</td><td>PUT /sandbox/fx/rates/{base}/{quote}, DELETE /sandbox/fx/rates</td></tr>
                </table>
                """);
        if (faults.isEmpty()) {
            page.append("<p class=\"muted\">No faults injected (<a href=\"/sandbox/faults\">/sandbox/faults</a>).</p>\n");
            return;
        }
        page.append("<p><b>Faults in force:</b> ");
        for (Fault fault : faults) {
            page.append(htmlEscape(fault.provider().apiName())).append(' ').append(fault.mode().apiName());
            if (fault.mode() == FaultMode.SLOW) {
                page.append(' ').append(fault.delayMillis()).append(" ms");
            }
            page.append(fault.remainingCalls() == Fault.UNTIL_CLEARED ? " (until cleared)" : " (" + fault.remainingCalls() + " calls)")
                    .append("; ");
        }
        page.append("</p>\n");
    }

    private static void appendSms(StringBuilder page, List<SmsMessage> messages) {
        page.append("<h2>SMS (newest first)</h2>\n");
        if (messages.isEmpty()) {
            page.append("<p class=\"muted\">No SMS yet.</p>\n");
            return;
        }
        page.append("<table><tr><th>received</th><th>to</th><th>from</th><th>code</th><th>text</th></tr>\n");
        for (SmsMessage message : messages) {
            String otp = OneTimePasswords.lastCodeIn(message.text()).orElse("");
            page.append("<tr><td>").append(htmlEscape(TIME.format(message.receivedAt())))
                    .append("</td><td>").append(htmlEscape(message.to()))
                    .append("</td><td>").append(htmlEscape(message.sender() == null ? "" : message.sender()))
                    .append("</td><td class=\"otp\">").append(htmlEscape(otp))
                    .append("</td><td><pre>").append(htmlEscape(message.text())).append("</pre></td></tr>\n");
        }
        page.append("</table>\n");
    }

    private static void appendPush(StringBuilder page, List<PushMessage> messages) {
        page.append("<h2>Push notifications (newest first)</h2>\n");
        if (messages.isEmpty()) {
            page.append("<p class=\"muted\">No push notifications yet (devices get tokens at POST /sandbox/push/devices).</p>\n");
            return;
        }
        page.append("<table><tr><th>received</th><th>token</th><th>title and body</th><th>data</th></tr>\n");
        for (PushMessage message : messages) {
            page.append("<tr><td>").append(htmlEscape(TIME.format(message.receivedAt())))
                    .append("</td><td><code>").append(htmlEscape(message.token()))
                    .append("</code></td><td><b>").append(htmlEscape(message.title())).append("</b><pre>")
                    .append(htmlEscape(message.body())).append("</pre></td><td>");
            message.data().forEach((key, value) ->
                    page.append(htmlEscape(key)).append(" = ").append(htmlEscape(value)).append("<br>"));
            page.append("</td></tr>\n");
        }
        page.append("</table>\n");
    }

    private static void appendMail(StringBuilder page, List<ReceivedMail> mails) {
        page.append("<h2>E-mail (newest first)</h2>\n");
        if (mails.isEmpty()) {
            page.append("<p class=\"muted\">No e-mail yet.</p>\n");
            return;
        }
        page.append("<table><tr><th>received</th><th>from / to</th><th>subject and text</th><th>attachments</th></tr>\n");
        for (ReceivedMail mail : mails) {
            String id = mail.id().toString();
            page.append("<tr><td>").append(htmlEscape(TIME.format(mail.receivedAt())))
                    .append("</td><td>").append(htmlEscape(mail.from())).append("<br>to ")
                    .append(htmlEscape(String.join(", ", mail.to())))
                    .append("</td><td><a href=\"/sandbox/mail/").append(id).append("\"><b>")
                    .append(htmlEscape(mail.subject().isEmpty() ? "(no subject)" : mail.subject())).append("</b></a><pre>")
                    .append(htmlEscape(excerpt(mail))).append("</pre></td><td>");
            List<MailAttachment> attachments = mail.attachments();
            for (int index = 0; index < attachments.size(); index++) {
                MailAttachment attachment = attachments.get(index);
                page.append("<a href=\"/sandbox/mail/").append(id).append("/attachments/").append(index).append("\">")
                        .append(htmlEscape(attachment.filename())).append("</a> <span class=\"muted\">(")
                        .append(attachment.sizeBytes()).append(" bytes)</span><br>");
            }
            page.append("</td></tr>\n");
        }
        page.append("</table>\n");
    }

    /** The text body, or a note that there is only HTML: the HTML itself is never rendered here. */
    private static String excerpt(ReceivedMail mail) {
        String text = mail.textBody() != null ? mail.textBody()
                : mail.htmlBody() != null ? "(HTML only: open the e-mail as JSON to read it)" : "";
        return text.length() <= SHOWN_BODY_CHARACTERS ? text : text.substring(0, SHOWN_BODY_CHARACTERS) + " …";
    }
}
