package io.quipu.sandbox.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quipu.sandbox.domain.mail.MailAttachment;
import io.quipu.sandbox.domain.mail.Mailbox;
import io.quipu.sandbox.domain.mail.ReceivedMail;
import io.quipu.sandbox.domain.push.PushInbox;
import io.quipu.sandbox.domain.push.PushMessage;
import io.quipu.sandbox.domain.sms.SmsInbox;
import io.quipu.sandbox.domain.sms.SmsMessage;

class InboxBoundsTest {

    @Test
    void smsInboxKeepsTheNewestUpToItsCapacity() {
        SmsInbox inbox = new SmsInbox(3);
        for (int number = 1; number <= 5; number++) {
            inbox.add(sms("+5198765432" + (number % 2), "message " + number));
        }
        assertThat(inbox.size()).isEqualTo(3);
        assertThat(inbox.latest(null, 100)).extracting(SmsMessage::text).containsExactly("message 5", "message 4", "message 3");
        assertThat(inbox.latest("+51987654321", 100)).extracting(SmsMessage::text).containsExactly("message 5", "message 3");
        assertThat(inbox.latest(null, 2)).hasSize(2);
        assertThat(inbox.newestTo("+51987654320")).get().extracting(SmsMessage::text).isEqualTo("message 4");
        inbox.clear();
        assertThat(inbox.latest(null, 100)).isEmpty();
    }

    @Test
    void pushInboxKeepsTheNewestUpToItsCapacity() {
        PushInbox inbox = new PushInbox(3);
        for (int number = 1; number <= 5; number++) {
            inbox.add(new PushMessage(UUID.randomUUID(), "fcm-" + (number % 2), "message " + number, "body", null, Instant.now()));
        }
        assertThat(inbox.size()).isEqualTo(3);
        assertThat(inbox.latest(null, 100)).extracting(PushMessage::title).containsExactly("message 5", "message 4", "message 3");
        assertThat(inbox.latest("fcm-1", 100)).extracting(PushMessage::title).containsExactly("message 5", "message 3");
        assertThat(inbox.latest(null, 2)).hasSize(2);
        assertThat(inbox.latest(null, 1).get(0).data()).isEmpty();
        inbox.clear();
        assertThat(inbox.latest(null, 100)).isEmpty();
    }

    @Test
    void mailboxKeepsTheNewestUpToItsCapacity() {
        Mailbox mailbox = new Mailbox(2, 1_000_000);
        ReceivedMail first = mail("a@example.com", 0);
        mailbox.add(first);
        mailbox.add(mail("B@example.com", 0));
        mailbox.add(mail("a@example.com", 0));
        assertThat(mailbox.size()).isEqualTo(2);
        assertThat(mailbox.find(first.id())).isEmpty();
        assertThat(mailbox.latest("b@EXAMPLE.com", 10)).hasSize(1);
    }

    @Test
    void mailboxKeepsTheNewestUpToItsStoredBytesButAlwaysTheNewestMail() {
        Mailbox mailbox = new Mailbox(100, 25_000);
        for (int number = 0; number < 5; number++) {
            mailbox.add(mail("a@example.com", 10_000));
        }
        assertThat(mailbox.size()).isEqualTo(2);
        ReceivedMail huge = mail("a@example.com", 50_000);
        mailbox.add(huge);
        assertThat(mailbox.latest(null, 100)).containsExactly(huge);
    }

    private static SmsMessage sms(String to, String text) {
        return new SmsMessage(UUID.randomUUID(), to, null, text, 1, Instant.now());
    }

    private static ReceivedMail mail(String to, int attachmentBytes) {
        return new ReceivedMail(UUID.randomUUID(), "bank@quipu.io", List.of(to), "subject", Instant.now(), "text", null,
                attachmentBytes == 0 ? List.of() : List.of(new MailAttachment("file.bin", "application/octet-stream", new byte[attachmentBytes])));
    }
}
