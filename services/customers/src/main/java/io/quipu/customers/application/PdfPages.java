package io.quipu.customers.application;

import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * The A4 pages of a document written from the top down: a new page opens when the next line would run into the
 * bottom margin. A document that would need more than its page limit is refused rather than written.
 */
final class PdfPages implements AutoCloseable {

    private final PDDocument document;
    private final float margin;
    private final int maxPages;
    private PDPageContentStream stream;
    private float y;

    PdfPages(PDDocument document, float margin, int maxPages) throws IOException {
        if (margin <= 0 || margin >= PDRectangle.A4.getHeight() / 2 || maxPages < 1) {
            throw new IllegalArgumentException("need a margin inside the page and at least one page");
        }
        this.document = document;
        this.margin = margin;
        this.maxPages = maxPages;
        newPage();
    }

    /** The top of the next line, in points from the bottom of the page. */
    float top() {
        return y;
    }

    /** Moves the next line down; it opens a new page if it no longer fits. */
    void down(float points) {
        y -= points;
    }

    /** Leaves {@code points} of space, or opens a new page where they do not fit: a page never starts with space. */
    void space(float points) throws IOException {
        if (y - points < margin) {
            newPage();
        } else {
            y -= points;
        }
    }

    /** Opens a new page unless {@code height} more points still fit above the bottom margin. */
    void ensureRoom(float height) throws IOException {
        if (y - height < margin) {
            newPage();
        }
    }

    /** One run of text, its baseline at {@code baseline}, starting {@code x} points from the page's left edge. */
    void show(String text, PDFont font, float fontSize, float x, float baseline) throws IOException {
        stream.beginText();
        stream.setFont(font, fontSize);
        stream.newLineAtOffset(x, baseline);
        stream.showText(text);
        stream.endText();
    }

    private void newPage() throws IOException {
        if (document.getNumberOfPages() >= maxPages) {
            throw new IllegalStateException("the document would take more than " + maxPages + " pages");
        }
        if (stream != null) {
            stream.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        stream = new PDPageContentStream(document, page);
        y = PDRectangle.A4.getHeight() - margin;
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }

    /**
     * Writes a footer in the bottom margin of every page, once the document is complete (a footer may say
     * "page 2 of 3"): {@code footerOfPage} gets the page number from 1 and the number of pages.
     */
    static void footers(PDDocument document, PDFont font, float fontSize, float margin, Footer footerOfPage)
            throws IOException {
        int pages = document.getNumberOfPages();
        for (int index = 0; index < pages; index++) {
            try (PDPageContentStream stream = new PDPageContentStream(document, document.getPage(index),
                    PDPageContentStream.AppendMode.APPEND, true)) {
                stream.beginText();
                stream.setFont(font, fontSize);
                stream.newLineAtOffset(margin, margin / 2);
                stream.showText(footerOfPage.text(index + 1, pages));
                stream.endText();
            }
        }
    }

    /** The footer of one page. */
    interface Footer {
        String text(int pageNumber, int pageCount);
    }
}
