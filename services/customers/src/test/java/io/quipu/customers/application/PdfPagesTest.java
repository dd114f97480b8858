package io.quipu.customers.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfPagesTest {

    private static final float MARGIN = 50;
    private static final float LINE = 20;
    /** (842 - 2 × 50) / 20 = 37.1: 37 lines fit on an A4 page between the margins. */
    private static final int LINES_PER_PAGE = (int) ((PDRectangle.A4.getHeight() - 2 * MARGIN) / LINE);

    private final PDFont font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

    @Test
    void aLineThatDoesNotFitOpensTheNextPageAndEveryPageGetsItsFooter() throws IOException {
        byte[] pdf;
        try (PDDocument document = new PDDocument()) {
            try (PdfPages pages = new PdfPages(document, MARGIN, 5)) {
                for (int line = 1; line <= LINES_PER_PAGE + 1; line++) {
                    pages.ensureRoom(LINE);
                    pages.show("line " + line, font, 10, MARGIN, pages.top() - 10);
                    pages.down(LINE);
                }
            }
            PdfPages.footers(document, font, 8, MARGIN, (page, count) -> "page " + page + " of " + count);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            pdf = out.toByteArray();
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            String first = stripper.getText(document);
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            String second = stripper.getText(document);
            assertThat(first).contains("line 1\n", "line " + LINES_PER_PAGE + "\n", "page 1 of 2")
                    .doesNotContain("line " + (LINES_PER_PAGE + 1));
            assertThat(second).contains("line " + (LINES_PER_PAGE + 1), "page 2 of 2");
        }
    }

    @Test
    void spaceIsNotCarriedToTheTopOfANewPage() throws IOException {
        try (PDDocument document = new PDDocument(); PdfPages pages = new PdfPages(document, MARGIN, 2)) {
            float top = pages.top();
            pages.space(100);
            assertThat(pages.top()).isEqualTo(top - 100);
            pages.space(PDRectangle.A4.getHeight());
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            assertThat(pages.top()).isEqualTo(top);
        }
    }

    @Test
    void aDocumentThatWouldPassItsPageLimitIsRefused() throws IOException {
        try (PDDocument document = new PDDocument(); PdfPages pages = new PdfPages(document, MARGIN, 2)) {
            pages.space(PDRectangle.A4.getHeight());
            assertThatThrownBy(() -> pages.space(PDRectangle.A4.getHeight()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("more than 2 pages");
            assertThat(document.getNumberOfPages()).isEqualTo(2);
        }
        try (PDDocument document = new PDDocument()) {
            assertThatThrownBy(() -> new PdfPages(document, 0, 2)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new PdfPages(document, MARGIN, 0)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
