package io.quipu.sandbox.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;

import io.quipu.sandbox.domain.mail.MailAttachment;
import io.quipu.sandbox.domain.mail.ReceivedMail;

/**
 * Turns a MIME message into what the mailbox shows: the first text and HTML bodies and every attachment, decoded.
 * Bounded: bodies are cut at {@value #MAX_BODY_CHARACTERS} characters, at most {@value #MAX_ATTACHMENTS} attachments
 * and {@value #MAX_PART_DEPTH} levels of nesting are read.
 */
final class MimeMessageReader {

    static final int MAX_BODY_CHARACTERS = 100_000;
    static final int MAX_ATTACHMENTS = 50;
    static final int MAX_PART_DEPTH = 10;
    private static final int MAX_SUBJECT_CHARACTERS = 1_000;
    private static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";

    private MimeMessageReader() {
    }

    static ReceivedMail read(UUID id, MimeMessage message, List<String> envelopeRecipients, Instant receivedAt)
            throws MessagingException, IOException {
        Parts parts = new Parts();
        collect(message, parts, 0);
        return new ReceivedMail(id, sender(message), envelopeRecipients, truncate(message.getSubject(), MAX_SUBJECT_CHARACTERS),
                receivedAt, parts.textBody, parts.htmlBody, parts.attachments);
    }

    private static void collect(Part part, Parts parts, int depth) throws MessagingException, IOException {
        if (depth > MAX_PART_DEPTH || parts.attachments.size() >= MAX_ATTACHMENTS) {
            return;
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int index = 0; index < multipart.getCount(); index++) {
                collect(multipart.getBodyPart(index), parts, depth + 1);
            }
            return;
        }
        String filename = filename(part);
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || filename != null;
        if (!attachment && part.isMimeType("text/plain") && parts.textBody == null) {
            parts.textBody = truncate(String.valueOf(part.getContent()), MAX_BODY_CHARACTERS);
        } else if (!attachment && part.isMimeType("text/html") && parts.htmlBody == null) {
            parts.htmlBody = truncate(String.valueOf(part.getContent()), MAX_BODY_CHARACTERS);
        } else if (attachment || !part.isMimeType("text/*")) {
            String name = filename != null ? filename : "attachment-" + (parts.attachments.size() + 1);
            parts.attachments.add(new MailAttachment(name, baseType(part.getContentType()), bytes(part)));
        }
    }

    private static String sender(MimeMessage message) throws MessagingException {
        Address[] from = message.getFrom();
        if (from == null || from.length == 0) {
            return "";
        }
        return from[0] instanceof InternetAddress address ? address.toUnicodeString() : from[0].toString();
    }

    private static String filename(Part part) throws MessagingException {
        String filename = part.getFileName();
        if (filename == null || filename.isBlank()) {
            return null;
        }
        try {
            return truncate(MimeUtility.decodeText(filename), 255);
        } catch (UnsupportedEncodingException e) {
            return truncate(filename, 255);
        }
    }

    private static String baseType(String contentType) {
        if (contentType == null) {
            return DEFAULT_CONTENT_TYPE;
        }
        try {
            return new ContentType(contentType).getBaseType().toLowerCase(Locale.ROOT);
        } catch (ParseException e) {
            return DEFAULT_CONTENT_TYPE;
        }
    }

    private static byte[] bytes(Part part) throws MessagingException, IOException {
        try (InputStream content = part.getInputStream()) {
            return content.readAllBytes();
        }
    }

    private static String truncate(String text, int maxCharacters) {
        if (text == null) {
            return null;
        }
        return text.length() <= maxCharacters ? text : text.substring(0, maxCharacters);
    }

    private static final class Parts {
        String textBody;
        String htmlBody;
        final List<MailAttachment> attachments = new ArrayList<>();
    }
}
