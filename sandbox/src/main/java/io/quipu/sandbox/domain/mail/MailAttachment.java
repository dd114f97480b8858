package io.quipu.sandbox.domain.mail;

import java.util.Objects;

/** One attachment of a received e-mail, with its decoded content. */
public final class MailAttachment {

    private final String filename;
    private final String contentType;
    private final byte[] content;

    public MailAttachment(String filename, String contentType, byte[] content) {
        this.filename = Objects.requireNonNull(filename, "filename");
        this.contentType = Objects.requireNonNull(contentType, "contentType");
        this.content = content.clone();
    }

    public String filename() {
        return filename;
    }

    public String contentType() {
        return contentType;
    }

    public byte[] content() {
        return content.clone();
    }

    public int sizeBytes() {
        return content.length;
    }
}
