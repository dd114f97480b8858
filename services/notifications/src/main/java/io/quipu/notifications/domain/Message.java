package io.quipu.notifications.domain;

/**
 * One notification in words: a subject (the e-mail's, the web title), a body (the e-mail's text, the web text) and a
 * short text for SMS.
 */
public record Message(String subject, String body, String shortText) {
}
