package io.quipu.sandbox.smtp;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quipu.platform.id.Ids;
import io.quipu.sandbox.domain.mail.Mailbox;

/**
 * An SMTP server (GreenMail) that accepts mail for any recipient without authentication and keeps every message in the
 * {@link Mailbox}, once per message whatever the number of recipients. GreenMail's own mailboxes stay empty, so the
 * mailbox's bounds are the only storage.
 */
public class SmtpMailServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SmtpMailServer.class);

    private final GreenMail greenMail;
    private volatile boolean running;

    public SmtpMailServer(String bindAddress, int port, Mailbox mailbox, Clock clock) {
        MessageDeliveryHandler capture = new CapturingDeliveryHandler(mailbox, clock);
        this.greenMail = new GreenMail(new ServerSetup(port, bindAddress, ServerSetup.PROTOCOL_SMTP)) {
            @Override
            protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
                // Before the server accepts its first connection, so no message ever reaches GreenMail's own store.
                managers.getUserManager().setMessageDeliveryHandler(capture);
                return super.createServices(config, managers);
            }
        }.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    }

    @Override
    public void start() {
        greenMail.start();
        running = true;
        log.info("SMTP mailbox listening on {}:{}", greenMail.getSmtp().getBindTo(), port());
    }

    @Override
    public void stop() {
        running = false;
        greenMail.stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The port the server listens on: the configured one, or the one the system chose when 0 was configured. */
    public int port() {
        return greenMail.getSmtp().getPort();
    }

    private static final class CapturingDeliveryHandler implements MessageDeliveryHandler {
        private final Mailbox mailbox;
        private final Clock clock;

        CapturingDeliveryHandler(Mailbox mailbox, Clock clock) {
            this.mailbox = mailbox;
            this.clock = clock;
        }

        @Override
        public GreenMailUser handle(MovingMessage message, MailAddress recipient) {
            return new CapturingRecipient(recipient, this);
        }

        /** GreenMail delivers once per recipient; the first recipient's delivery stores the message for all of them. */
        void deliver(MovingMessage message, MailAddress recipient) {
            List<MailAddress> recipients = List.copyOf(message.getToAddresses());
            if (recipients.isEmpty() || !recipients.get(0).getEmail().equals(recipient.getEmail())) {
                return;
            }
            store(message.getMessage(), recipients.stream().map(MailAddress::getEmail).toList());
        }

        void store(MimeMessage message, List<String> recipients) {
            try {
                mailbox.add(MimeMessageReader.read(Ids.newId(), message, recipients, clock.instant()));
            } catch (Exception e) {
                // GreenMail would answer the client with a bare error; the log says which message could not be read.
                log.warn("could not read a message to {}", recipients, e);
                throw new IllegalStateException("the sandbox could not read the message", e);
            }
        }
    }

    /** The one GreenMail user a delivery goes to: it hands the message to the mailbox instead of storing it. */
    private static final class CapturingRecipient implements GreenMailUser {
        private final MailAddress address;
        private final CapturingDeliveryHandler handler;

        CapturingRecipient(MailAddress address, CapturingDeliveryHandler handler) {
            this.address = address;
            this.handler = handler;
        }

        @Override
        public String getEmail() {
            return address.getEmail();
        }

        @Override
        public String getLogin() {
            return address.getEmail();
        }

        @Override
        public void deliver(MovingMessage message) {
            handler.deliver(message, address);
        }

        @Override
        public void deliver(MimeMessage message) {
            handler.store(message, List.of(address.getEmail()));
        }

        @Override
        public void create() {
            // Nothing to create: the mailbox is shared by every recipient.
        }

        @Override
        public void delete() {
            // Nothing to delete: the mailbox is cleared through the HTTP API.
        }

        @Override
        public String getPassword() {
            return "";
        }

        @Override
        public void setPassword(String password) {
            // Authentication is disabled.
        }

        @Override
        public void authenticate(String password) {
            // Authentication is disabled.
        }

        @Override
        public String getQualifiedMailboxName() {
            return address.getEmail();
        }
    }
}
