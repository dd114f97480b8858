package io.quipu.notifications.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP server (GreenMail) on a fixed local port that a test can take down and bring back, as when the
 * provider's server is unreachable for a while. Messages received before a stop are kept.
 */
final class Mailbox implements AutoCloseable {

    /** One received e-mail, read back. */
    record Mail(String to, String subject, String body) {
    }

    private final int port = freePort();
    private final List<Mail> earlier = new ArrayList<>();
    private GreenMail server;

    Mailbox() {
        start();
    }

    int port() {
        return port;
    }

    synchronized void start() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
    }

    /** The server goes away: connections are refused until {@link #start()}. */
    synchronized void stop() {
        if (server != null) {
            earlier.addAll(read(server));
            server.stop();
            server = null;
        }
    }

    synchronized List<Mail> to(String address) {
        List<Mail> all = new ArrayList<>(earlier);
        if (server != null) {
            all.addAll(read(server));
        }
        return all.stream().filter(mail -> mail.to().equalsIgnoreCase(address)).toList();
    }

    @Override
    public void close() {
        stop();
    }

    private static List<Mail> read(GreenMail server) {
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            try {
                Address[] recipients = message.getAllRecipients();
                mails.add(new Mail(recipients == null ? "" : recipients[0].toString(), message.getSubject(),
                        String.valueOf(message.getContent())));
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException("cannot read a received e-mail", e);
            }
        }
        return mails;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
