package io.quipu.sandbox.domain.mail;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An e-mail as the sandbox mailbox received it. {@code to} holds the envelope recipients (Bcc included), because those
 * are the mailboxes the message was delivered to.
 *
 * @param textBody the first text/plain part, or null when there is none
 * @param htmlBody the first text/html part, or null when there is none
 */
public record ReceivedMail(UUID id, String from, List<String> to, String subject, Instant receivedAt, String textBody,
        String htmlBody, List<MailAttachment> attachments) {

    /** Roughly what this mail keeps in memory; the mailbox bounds the sum. */
    private static final int OVERHEAD_BYTES = 512;

    public ReceivedMail {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(receivedAt, "receivedAt");
        from = from == null ? "" : from;
        to = List.copyOf(to);
        subject = subject == null ? "" : subject;
        attachments = List.copyOf(attachments);
    }

    public boolean isAddressedTo(String address) {
        String wanted = address.trim().toLowerCase(Locale.ROOT);
        return to.stream().anyMatch(recipient -> recipient.toLowerCase(Locale.ROOT).equals(wanted));
    }

    public Optional<MailAttachment> attachment(int index) {
        return index >= 0 && index < attachments.size() ? Optional.of(attachments.get(index)) : Optional.empty();
    }

    public long sizeBytes() {
        long size = OVERHEAD_BYTES + 2L * (from.length() + subject.length() + length(textBody) + length(htmlBody));
        for (String recipient : to) {
            size += 2L * recipient.length();
        }
        for (MailAttachment attachment : attachments) {
            size += attachment.sizeBytes() + 2L * attachment.filename().length();
        }
        return size;
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }
}
