package io.quipu.sandbox.delivery;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import tools.jackson.databind.json.JsonMapper;

import io.quipu.sandbox.domain.settlement.SettlementBook;
import io.quipu.sandbox.domain.settlement.SettlementPlan;
import io.quipu.sandbox.domain.settlement.SettlementRecord;
import io.quipu.sandbox.domain.settlement.Submission;

/**
 * One simulated network at work: its book of payments, moved on by the clock ({@link #tick()}) or by the control
 * panel, and each status change notified to the payment's callback URL, if it has one.
 */
public final class SettlementDesk<R> {

    private final SettlementBook<R> book;
    private final Clock clock;
    private final WebhookSender sender;
    private final String signatureHeader;
    private final String secret;
    private final Function<R, String> callbackUrl;
    private final Function<SettlementRecord<R>, Map<String, Object>> notificationBody;
    private final JsonMapper json;

    public SettlementDesk(SettlementBook<R> book, Clock clock, WebhookSender sender, String signatureHeader, String secret,
            Function<R, String> callbackUrl, Function<SettlementRecord<R>, Map<String, Object>> notificationBody, JsonMapper json) {
        this.book = book;
        this.clock = clock;
        this.sender = sender;
        this.signatureHeader = signatureHeader;
        this.secret = secret;
        this.callbackUrl = callbackUrl;
        this.notificationBody = notificationBody;
        this.json = json;
    }

    public Submission<R> submit(String idempotencyKey, R request, Optional<String> rejection, SettlementPlan plan,
            Function<java.time.Instant, String> newId) {
        java.time.Instant now = clock.instant();
        Supplier<String> id = () -> newId.apply(now);
        return book.submit(idempotencyKey, request, rejection, plan, id, now);
    }

    public Optional<SettlementRecord<R>> find(String id) {
        return book.find(id);
    }

    public Optional<SettlementRecord<R>> findByIdempotencyKey(String key) {
        return book.findByIdempotencyKey(key);
    }

    public List<SettlementRecord<R>> latest(int limit) {
        return book.latest(limit);
    }

    public SettlementBook.Change<R> settle(String id) {
        return notified(book.settle(id, clock.instant()));
    }

    public SettlementBook.Change<R> returnPayment(String id, String returnCode) {
        return notified(book.returnPayment(id, returnCode, clock.instant()));
    }

    /** Makes the changes that are due and notifies them. */
    public void tick() {
        book.advance(clock.instant()).forEach(this::notify);
    }

    private SettlementBook.Change<R> notified(SettlementBook.Change<R> change) {
        if (change instanceof SettlementBook.Change.Made<R> made) {
            notify(made.record());
        }
        return change;
    }

    private void notify(SettlementRecord<R> record) {
        String url = callbackUrl.apply(record.request());
        if (url != null) {
            byte[] body = json.writeValueAsBytes(notificationBody.apply(record));
            sender.send(new WebhookSender.Notification(URI.create(url), body, signatureHeader, secret));
        }
    }
}
