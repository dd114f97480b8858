package io.quipu.sandbox.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.quipu.platform.web.ApiException;
import io.quipu.sandbox.domain.mail.MailAttachment;
import io.quipu.sandbox.domain.mail.Mailbox;
import io.quipu.sandbox.domain.mail.ReceivedMail;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Reads the SMTP mailbox: every e-mail the services sent, newest first. */
@RestController
@RequestMapping("/sandbox/mail")
@Tag(name = "Mailbox", description = "Every e-mail the sandbox SMTP server received, newest first.")
public class MailController {

    /** Longer than any valid address (RFC 5321 allows 254 characters); longer values are a mistake. */
    private static final int MAX_ADDRESS_CHARACTERS = 320;

    private final Mailbox mailbox;

    public MailController(Mailbox mailbox) {
        this.mailbox = mailbox;
    }

    public record AttachmentView(String filename, String contentType, int sizeBytes) {
    }

    /** {@code to} lists the envelope recipients: the mailboxes it was delivered to, Bcc included. */
    public record MailView(String id, String from, List<String> to, String subject, Instant receivedAt, String textBody,
            String htmlBody, List<AttachmentView> attachments) {
        static MailView of(ReceivedMail mail) {
            return new MailView(mail.id().toString(), mail.from(), mail.to(), mail.subject(), mail.receivedAt(),
                    mail.textBody(), mail.htmlBody(), mail.attachments().stream()
                            .map(attachment -> new AttachmentView(attachment.filename(), attachment.contentType(), attachment.sizeBytes()))
                            .toList());
        }
    }

    @GetMapping
    @Operation(summary = "The newest e-mails, to one address when 'to' is given")
    public List<MailView> latest(@RequestParam(required = false) String to,
            @RequestParam(defaultValue = Limits.DEFAULT_LIST_SIZE) int limit) {
        if (to != null && (to.isBlank() || to.length() > MAX_ADDRESS_CHARACTERS)) {
            throw ApiException.invalidField("to", "invalid_address", "must be an e-mail address");
        }
        return mailbox.latest(to, Limits.checkedLimit(limit)).stream().map(MailView::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One e-mail")
    public MailView one(@PathVariable UUID id) {
        return MailView.of(find(id));
    }

    @GetMapping("/{id}/attachments/{index}")
    @Operation(summary = "An attachment's content, as it was sent (index from 0)")
    public ResponseEntity<byte[]> attachment(@PathVariable UUID id, @PathVariable int index) {
        MailAttachment attachment = find(id).attachment(index).orElseThrow(() -> ApiException.notFound("attachment_not_found",
                "The e-mail " + id + " has no attachment " + index + "."));
        return ResponseEntity.ok()
                .contentType(mediaType(attachment.contentType()))
                // A download, never rendered by the browser: attachments are whatever the sender put in them.
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(attachment.filename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(attachment.content());
    }

    @DeleteMapping
    @Operation(summary = "Empty the mailbox")
    public ResponseEntity<Void> clear() {
        mailbox.clear();
        return ResponseEntity.noContent().build();
    }

    private ReceivedMail find(UUID id) {
        return mailbox.find(id).orElseThrow(() -> ApiException.notFound("mail_not_found", "There is no e-mail " + id + "."));
    }

    private static MediaType mediaType(String contentType) {
        try {
            return MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }
}
