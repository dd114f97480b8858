package io.quipu.customers.application;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
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
            int total = document.getNumberOfPages();
            for (int index = 0; index < total; index++) {
                try (PDPageContentStream stream = new PDPageContentStream(document, document.getPage(index),
                        PDPageContentStream.AppendMode.APPEND, true)) {
                    stream.beginText();
                    stream.setFont(regular, 7.5f);
                    stream.newLineAtOffset(MARGIN, MARGIN / 2);
                    stream.showText("Quipu - " + (english ? "page " : "pagina ") + (index + 1) + " / " + total);
                    stream.endText();
                }
            }
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

    /** Writes from the top of a page down, opening the next page when one is full. */
    private static final class Pages implements AutoCloseable {

        private final PDDocument document;
        private PDPageContentStream stream;
        private float y;

        Pages(PDDocument document) throws IOException {
            this.document = document;
            newPage();
        }

        void text(String text, PDFont font, float size, float x) throws IOException {
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(MARGIN + x, y);
            stream.showText(ContractDocument.printable(text, font));
            stream.endText();
        }

        void row(String[] cells, PDFont font) throws IOException {
            if (y < MARGIN + ROW_HEIGHT) {
                newPage();
            }
            for (int column = 0; column < cells.length; column++) {
                text(cells[column], font, TEXT_SIZE, COLUMNS[column]);
            }
            advance(ROW_HEIGHT);
        }

        void advance(float height) {
            y -= height;
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        @Override
        public void close() throws IOException {
            stream.close();
        }
    }
}
