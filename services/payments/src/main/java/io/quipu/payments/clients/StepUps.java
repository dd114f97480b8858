package io.quipu.payments.clients;

import java.util.UUID;

import org.springframework.web.client.HttpStatusCodeException;

import io.quipu.contracts.identity.IdentityClient;
import io.quipu.contracts.identity.StepUpRedeemRequest;
import io.quipu.contracts.identity.StepUpRedemption;
import io.quipu.platform.clients.ServiceCalls;
import io.quipu.platform.money.Money;

/** Spends step-up authorizations at the identity service (scope identity:step-up). */
public class StepUps {

    /** Why identity refused an authorization: its problem code ({@code binding_mismatch}, {@code step_up_expired}, …). */
    public static final class Refused extends RuntimeException {
        private final String code;

        Refused(String code) {
            super("step-up refused: " + code);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final IdentityClient identity;

    public StepUps(IdentityClient identity) {
        this.identity = identity;
    }

    /** The user who confirmed this very payment (id, amount, payee); refused authorizations throw {@link Refused}. */
    public String redeem(String authorization, UUID paymentId, Money amount, String payee) {
        StepUpRedemption redemption;
        try {
            redemption = ServiceCalls.call("identity", () -> identity.redeemStepUp(new StepUpRedeemRequest(authorization, paymentId,
                    amount, payee)));
        } catch (HttpStatusCodeException refused) {
            throw new Refused(ServiceCalls.problemCode(refused));
        }
        if (!redemption.valid() || !paymentId.equals(redemption.paymentId())) {
            throw new Refused("step_up_invalid");
        }
        return redemption.userId();
    }
}
