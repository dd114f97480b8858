package io.quipu.customers.application;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import io.quipu.contracts.ledger.AccountTransferLine;
import io.quipu.customers.domain.StatementPeriod;

/**
 * An account statement as an A4 PDF: the holder, the account, the period, then one line per movement (oldest first) with
 * its amount and the account's posted balance after it, over as many pages as it takes. In the customer's language.
 */
final class StatementDocument {

    private static final float MARGIN = 48;
    private static final float TITLE_SIZE = 14;
    private static final float TEXT_SIZE = 8.5f;
    private static final float ROW_HEIGHT = 13;
    private static final float FOOTER_SIZE = 7.5f;
    /** A statement holds at most {@link AccountStatements#MAX_STATEMENT_LINES} movements, 57 to a full page. */
    private static final int MAX_PAGES = AccountStatements.MAX_STATEMENT_LINES / 50 + 2;
    private static final float[] COLUMNS = {0, 92, 300, 400};
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(StatementPeriod.BANK_ZONE);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    record Heading(String holderName, String accountNumber, String cci, String currency, StatementPeriod period,
                   Locale language) {
    }

    private StatementDocument() {
    }

    static byte[] render(Heading heading, List<AccountTransferLine> oldestFirst) {
        boolean english = heading.language().getLanguage().equals("en");
        try (PDDocument document = new PDDocument()) {
            PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            Pages pages = new Pages(document);
            pages.text(english ? "Account statement" : "Estado de cuenta", bold, TITLE_SIZE, 0);
            pages.advance(TITLE_SIZE + 6);
            String[][] rows = {
                    {english ? "Holder" : "Titular", heading.holderName()},
                    {english ? "Account" : "Cuenta", heading.accountNumber() + " (" + heading.currency() + ")"},
                    {"CCI", heading.cci()},
                    {english ? "Period" : "Periodo", DAY.format(heading.period().firstDay()) + " - " + DAY.format(heading.period().lastDay())},
            };
            for (String[] row : rows) {
                pages.text(row[0], bold, TEXT_SIZE, 0);
                pages.text(row[1], regular, TEXT_SIZE, 70);
                pages.advance(ROW_HEIGHT);
            }
            pages.advance(8);
            String[] header = english ? new String[] {"Date (Lima)", "Movement", "Amount", "Balance"}
                    : new String[] {"Fecha (Lima)", "Movimiento", "Monto", "Saldo"};
            pages.row(header, bold);
            if (oldestFirst.isEmpty()) {
                pages.text(english ? "No movements in this period." : "Sin movimientos en este periodo.", regular, TEXT_SIZE, 0);
            }
            for (AccountTransferLine line : oldestFirst) {
                String sign = "debit".equals(line.direction()) ? "-" : "";
                pages.row(new String[] {DATE_TIME.format(line.createdAt()), line.code() + " " + line.transferId().toString().substring(0, 8),
                        sign + line.amount().toDecimalString(), line.postedBalanceAfter().toDecimalString()}, regular);
            }
            pages.close();
            PdfPages.footers(document, regular, FOOTER_SIZE, MARGIN,
                    (page, count) -> "Quipu - " + (english ? "page " : "pagina ") + page + " / " + count);
            document.getDocumentInformation().setTitle(english ? "Account statement" : "Estado de cuenta");
            document.getDocumentInformation().setAuthor("Quipu");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            // In memory, PDFBox fails only on a bug of ours.
            throw new UncheckedIOException("the statement could not be rendered", e);
        }
    }

    /** Statement rows on pages: a row that does not fit opens the next page. */
    private static final class Pages implements AutoCloseable {

        private final PdfPages pages;

        Pages(PDDocument document) throws IOException {
            this.pages = new PdfPages(document, MARGIN, MAX_PAGES);
        }

        void text(String text, PDFont font, float size, float x) throws IOException {
            pages.show(ContractDocument.printable(text, font), font, size, MARGIN + x, pages.top());
        }

        void row(String[] cells, PDFont font) throws IOException {
            pages.ensureRoom(ROW_HEIGHT);
            for (int column = 0; column < cells.length; column++) {
                text(cells[column], font, TEXT_SIZE, COLUMNS[column]);
            }
            advance(ROW_HEIGHT);
        }

        void advance(float height) {
            pages.down(height);
        }

        @Override
        public void close() throws IOException {
            pages.close();
        }
    }
}
