package io.quipu.sandbox.domain.settlement;

/** The answer to a payment sent to a simulated network. */
public sealed interface Submission<R> {

    /** New and accepted: 202. */
    record Accepted<R>(SettlementRecord<R> record) implements Submission<R> {
    }

    /** The same key with the same request again: the stored payment, whatever its status now. */
    record Repeated<R>(SettlementRecord<R> record) implements Submission<R> {
    }

    /** The same key with another request: refused, the stored payment is untouched. */
    record KeyReused<R>(SettlementRecord<R> existing) implements Submission<R> {
    }

    /** Refused at once with an ISO 20022 reason code; nothing is stored. */
    record Rejected<R>(String reasonCode) implements Submission<R> {
    }
}
