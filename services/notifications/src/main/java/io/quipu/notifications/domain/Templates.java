package io.quipu.notifications.domain;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import io.quipu.notifications.domain.Recipient.Language;

/**
 * The wording of every notification in Spanish and English. Only masked data reaches a template (see
 * {@link NotificationFacts}); times are shown in Lima, where the bank's customers are.
 */
public final class Templates {

    public static final ZoneId BANK_ZONE = ZoneId.of("America/Lima");
    /** An SMS of more than one segment costs more and may arrive in pieces. */
    public static final int MAX_SHORT_TEXT_CHARACTERS = 160;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(BANK_ZONE);

    private Templates() {
    }

    public static Message render(NotificationKind kind, NotificationFacts facts, Language language, String name) {
        Message message = language == Language.EN ? english(kind, facts) : spanish(kind, facts);
        String greeting = language == Language.EN
                ? (name.isEmpty() ? "Hello," : "Hello " + name + ",")
                : (name.isEmpty() ? "Hola:" : "Hola " + name + ":");
        String closing = language == Language.EN
                ? "If you do not recognise this, call us at (01) 311-9000.\n\nQuipu"
                : "Si no reconoces esta operación, llámanos al (01) 311-9000.\n\nQuipu";
        String shortText = message.shortText().length() > MAX_SHORT_TEXT_CHARACTERS
                ? message.shortText().substring(0, MAX_SHORT_TEXT_CHARACTERS) : message.shortText();
        return new Message(message.subject(), greeting + "\n\n" + message.body() + "\n\n" + closing + "\n", shortText);
    }

    private static Message spanish(NotificationKind kind, NotificationFacts facts) {
        return switch (kind) {
            case MONEY_RECEIVED -> new Message("Recibiste " + amount(facts),
                    "Recibiste " + amount(facts) + " en tu cuenta " + facts.accountMasked() + "." + balance(facts, "Saldo disponible"),
                    "Quipu: recibiste " + amount(facts) + " en tu cuenta " + facts.accountMasked() + ".");
            case MONEY_SENT -> new Message("Enviaste " + amount(facts),
                    "Salieron " + amount(facts) + " de tu cuenta " + facts.accountMasked() + "." + balance(facts, "Saldo disponible"),
                    "Quipu: salieron " + amount(facts) + " de tu cuenta " + facts.accountMasked() + ".");
            case PAYMENT_FAILED -> new Message("Tu pago no se realizó",
                    "Tu pago de " + amount(facts) + payee(facts, " a ") + " no se pudo completar"
                            + reason(facts, "motivo") + ". El dinero no salió de tu cuenta.",
                    "Quipu: tu pago de " + amount(facts) + " no se realizó. El dinero sigue en tu cuenta.");
            case PAYMENT_RETURNED -> new Message("Te devolvieron una transferencia",
                    "El banco de destino devolvió tu transferencia de " + amount(facts) + payee(facts, " a ")
                            + reason(facts, "motivo") + ". El dinero volvió a tu cuenta.",
                    "Quipu: te devolvieron una transferencia de " + amount(facts) + ".");
            case ONBOARDING_COMPLETED -> new Message("Bienvenido a Quipu",
                    "Tu cuenta de ahorros" + account(facts) + " está lista. Te enviamos el contrato firmado en un correo aparte.",
                    "Quipu: tu cuenta está lista. Bienvenido.");
            case ACCOUNT_LOCKED -> new Message("Bloqueamos el acceso a tu banca por internet",
                    "Bloqueamos el acceso a tu banca por internet tras varios intentos fallidos"
                            + until(facts, "hasta el", "hora de Lima") + ". Tu dinero está seguro.",
                    "Quipu: bloqueamos tu acceso por intentos fallidos" + until(facts, "hasta el", "hora de Lima") + ". Si no fuiste tú, llámanos.");
            case NEW_LOGIN_SOURCE -> new Message("Nuevo ingreso a tu banca por internet",
                    "Ingresaste a tu banca por internet desde una red que no habías usado" + network(facts, " (")
                            + ". Si no fuiste tú, cambia tu contraseña ahora.",
                    "Quipu: nuevo ingreso a tu banca por internet desde otra red. Si no fuiste tú, cambia tu contraseña.");
        };
    }

    private static Message english(NotificationKind kind, NotificationFacts facts) {
        return switch (kind) {
            case MONEY_RECEIVED -> new Message("You received " + amount(facts),
                    "You received " + amount(facts) + " in your account " + facts.accountMasked() + "." + balance(facts, "Available balance"),
                    "Quipu: you received " + amount(facts) + " in your account " + facts.accountMasked() + ".");
            case MONEY_SENT -> new Message("You sent " + amount(facts),
                    amount(facts) + " left your account " + facts.accountMasked() + "." + balance(facts, "Available balance"),
                    "Quipu: " + amount(facts) + " left your account " + facts.accountMasked() + ".");
            case PAYMENT_FAILED -> new Message("Your payment did not go through",
                    "Your payment of " + amount(facts) + payee(facts, " to ") + " could not be completed"
                            + reason(facts, "reason") + ". The money did not leave your account.",
                    "Quipu: your payment of " + amount(facts) + " did not go through. The money is still in your account.");
            case PAYMENT_RETURNED -> new Message("A transfer came back",
                    "The receiving bank returned your transfer of " + amount(facts) + payee(facts, " to ")
                            + reason(facts, "reason") + ". The money is back in your account.",
                    "Quipu: a transfer of " + amount(facts) + " came back to your account.");
            case ONBOARDING_COMPLETED -> new Message("Welcome to Quipu",
                    "Your savings account" + account(facts) + " is ready. We sent you the signed contract in a separate e-mail.",
                    "Quipu: your account is ready. Welcome.");
            case ACCOUNT_LOCKED -> new Message("We locked access to your online banking",
                    "We locked access to your online banking after several failed attempts" + until(facts, "until", "Lima time")
                            + ". Your money is safe.",
                    "Quipu: we locked your access after failed attempts" + until(facts, "until", "Lima time") + ". If it was not you, call us.");
            case NEW_LOGIN_SOURCE -> new Message("New login to your online banking",
                    "You logged in to your online banking from a network you had not used before" + network(facts, " (")
                            + ". If it was not you, change your password now.",
                    "Quipu: new login to your online banking from another network. If it was not you, change your password.");
        };
    }

    private static String amount(NotificationFacts facts) {
        return facts.amount() == null ? "" : AmountFormat.format(facts.amount());
    }

    private static String balance(NotificationFacts facts, String label) {
        return facts.balanceAfter() == null ? "" : " " + label + ": " + AmountFormat.format(facts.balanceAfter()) + ".";
    }

    private static String payee(NotificationFacts facts, String preposition) {
        return facts.counterpartyMasked() == null ? "" : preposition + facts.counterpartyMasked();
    }

    private static String account(NotificationFacts facts) {
        return facts.accountMasked() == null ? "" : " " + facts.accountMasked();
    }

    private static String reason(NotificationFacts facts, String label) {
        return facts.reason() == null ? "" : " (" + label + ": " + facts.reason() + ")";
    }

    private static String network(NotificationFacts facts, String opening) {
        return facts.networkMasked() == null ? "" : opening + facts.networkMasked() + ")";
    }

    private static String until(NotificationFacts facts, String preposition, String zoneLabel) {
        return facts.lockedUntil() == null ? "" : " " + preposition + " " + TIME.format(facts.lockedUntil()) + " (" + zoneLabel + ")";
    }
}
