package io.quipu.payments.api;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.quipu.payments.domain.ClearingRoutingNumbers;
import io.quipu.payments.domain.NachaFile;
import io.quipu.payments.store.ClearingFileStore;
import io.quipu.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The day's outgoing interbank batch as a NACHA file (docs/payments.md), for clearing houses that take files. Staff and
 * services only (PaymentsConfiguration): it names every beneficiary of the day.
 */
@RestController
@Tag(name = "Clearing files", description = "The day's outgoing interbank credits as a NACHA file.")
class ClearingFileController {

    private static final ZoneId LIMA = ZoneId.of("America/Lima");
    /** The clearing house's synthetic routing number: bank 000, branch 000 (docs/payments.md). */
    private static final String CLEARING_HOUSE_BANK_CODE = "000";
    /** This bank's head office as the originating branch. */
    private static final String HEAD_OFFICE_BRANCH_CODE = "000";

    private final ClearingFileStore store;
    private final Clock clock;
    private final NachaFile.Parties parties;

    ClearingFileController(ClearingFileStore store, Clock clock, @Value("${quipu.payments.bank-code:099}") String bankCode) {
        this.store = store;
        this.clock = clock;
        String originRoutingNumber = ClearingRoutingNumbers.routingNumber(bankCode, HEAD_OFFICE_BRANCH_CODE);
        this.parties = new NachaFile.Parties(ClearingRoutingNumbers.routingNumber(CLEARING_HOUSE_BANK_CODE, "000"),
                "CAMARA DE COMPENSACION", originRoutingNumber, "QUIPU", "QUIPU", "1" + originRoutingNumber);
    }

    @GetMapping(value = "/clearing/files/{date}", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "The NACHA file of the PEN interbank payments created that day (Lima) that the clearing house accepted")
    ResponseEntity<String> file(@PathVariable String date) {
        LocalDate day = day(date);
        List<ClearingFileStore.InterbankPayment> payments = store.acceptedInterbank(NachaFile.CURRENCY,
                day.atStartOfDay(LIMA).toInstant(), day.plusDays(1).atStartOfDay(LIMA).toInstant(), NachaFile.MAX_ENTRIES + 1);
        if (payments.isEmpty()) {
            throw ApiException.notFound("no_clearing_payments", "No interbank PEN payment of " + day + " reached the clearing house.");
        }
        if (payments.size() > NachaFile.MAX_ENTRIES) {
            throw ApiException.unprocessable("too_many_clearing_payments",
                    "More than " + NachaFile.MAX_ENTRIES + " payments on " + day + ": more than one file's worth.");
        }
        List<NachaFile.Credit> credits = payments.stream().map(payment -> NachaFile.Credit.ofInterbankPayment(payment.id(), payment.cci(),
                payment.beneficiaryName(), payment.amount())).toList();
        NachaFile file = NachaFile.write(parties, LocalDateTime.now(clock.withZone(LIMA)), day, credits);
        return ResponseEntity.ok()
                .contentType(MediaType.TEXT_PLAIN)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("quipu-" + day + ".ach").build().toString())
                .body(file.text());
    }

    /** Strictly YYYY-MM-DD, a real date, and not in the future (a day not over yet gives a partial file: allowed). */
    private LocalDate day(String date) {
        if (date == null || !date.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw ApiException.badRequest("invalid_date", "The date must be YYYY-MM-DD.");
        }
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (DateTimeParseException invalid) {
            throw ApiException.badRequest("invalid_date", "The date must be a real day, YYYY-MM-DD.");
        }
        if (day.isAfter(LocalDate.now(clock.withZone(LIMA)))) {
            throw ApiException.badRequest("invalid_date", "The date must not be in the future.");
        }
        return day;
    }
}
