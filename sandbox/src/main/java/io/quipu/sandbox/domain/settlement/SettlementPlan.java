package io.quipu.sandbox.domain.settlement;

/**
 * What happens to an accepted payment without a control call, decided from its special numbers when it is accepted.
 *
 * @param settlesByItself false: it stays accepted until settled or returned through the control panel
 * @param returnCode      the ISO 20022 reason it is returned with after it settled; null when it is not returned
 */
public record SettlementPlan(boolean settlesByItself, String returnCode) {

    public static final SettlementPlan SETTLES = new SettlementPlan(true, null);
    public static final SettlementPlan NEVER_SETTLES = new SettlementPlan(false, null);

    public static SettlementPlan settlesThenReturned(String returnCode) {
        return new SettlementPlan(true, ReturnCodes.requireValid(returnCode));
    }
}
