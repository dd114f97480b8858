package io.quipu.sandbox.api;

import org.springframework.http.HttpStatus;

import io.quipu.platform.web.ApiException;
import io.quipu.sandbox.domain.settlement.ReturnCodes;
import io.quipu.sandbox.domain.settlement.SettlementBook;
import io.quipu.sandbox.domain.settlement.SettlementRecord;

/** What the clearing house and the SWIFT-like network answer alike: control calls and their errors. */
final class Settlements {

    private Settlements() {
    }

    static String checkedReturnCode(ClearingControlController.ReturnRequest request) {
        String code = request == null ? null : request.returnCode();
        if (code == null) {
            throw ApiException.invalidField("returnCode", "required", "is required");
        }
        if (!ReturnCodes.isValid(code)) {
            throw ApiException.invalidField("returnCode", "invalid_format", ReturnCodes.RULE);
        }
        return code;
    }

    /** The changed record, or 404 {@code notFoundCode}, or 409 {@code invalid_status} when the status forbids the change. */
    static <R> SettlementRecord<R> made(SettlementBook.Change<R> change, String notFoundCode, String what) {
        if (change instanceof SettlementBook.Change.Made<R> made) {
            return made.record();
        }
        if (change instanceof SettlementBook.Change.NotAllowed<R> notAllowed) {
            throw new ApiException(HttpStatus.CONFLICT, "invalid_status",
                    "The " + what + " is " + notAllowed.record().status().apiName() + ".");
        }
        throw ApiException.notFound(notFoundCode, "There is no " + what + ".");
    }
}
