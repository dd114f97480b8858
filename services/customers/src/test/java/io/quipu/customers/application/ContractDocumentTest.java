package io.quipu.customers.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import io.quipu.customers.application.ContractDocument.ContractData;

class ContractDocumentTest {

    private static ContractData data(String name, String currency, String language) {
        return new ContractData("CT-2026-000123", name, "DNI", "****5678", "maria@example.com", "1910012345678",
                "00219100123456789012", currency, "Cuenta de Ahorros Quipu", LocalDate.of(2026, 11, 25),
                Locale.forLanguageTag(language));
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isBetween(1, 2);
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    @Test
    void theSpanishContractHasTheCustomerTheAccountAndTheClausesWithTheirAccents() throws IOException {
        String text = text(ContractDocument.render(data("María José Núñez Peña", "PEN", "es")));

        assertThat(text)
                .contains("Contrato de Cuenta de Ahorros")
                .contains("María José Núñez Peña")
                .contains("1910012345678")
                .contains("00219100123456789012")
                .contains("****5678")
                .contains("no tiene costo de mantenimiento")
                .contains("(TEA) de 1.50%")
                .contains("Fondo de Seguro de Depósitos")
                .contains("Cierre de la cuenta")
                .contains("Libro de Reclamaciones")
                .contains("25/11/2026")
                .contains("Página 1 de");
    }

    @Test
    void aDollarAccountEarnsItsOwnRate() throws IOException {
        String text = text(ContractDocument.render(data("Ana Quispe", "USD", "es")));

        assertThat(text).contains("(TEA) de 0.50%").contains("Dólares de los Estados Unidos (USD)").doesNotContain("1.50%");
    }

    @Test
    void theEnglishContractHasTheSameTerms() throws IOException {
        String text = text(ContractDocument.render(data("María José Núñez Peña", "PEN", "en")));

        assertThat(text)
                .contains("Savings Account Contract")
                .contains("María José Núñez Peña")
                .contains("no maintenance fee")
                .contains("(TEA) of 1.50%")
                .contains("Deposit Insurance Fund")
                .contains("Closing the account")
                .contains("Complaints Book");
    }

    @Test
    void theSameDataGivesTheSameBytes() {
        assertThat(ContractDocument.render(data("Ana Quispe", "PEN", "es")))
                .isEqualTo(ContractDocument.render(data("Ana Quispe", "PEN", "es")));
    }

    @Test
    void aNameTheFontCannotShowStillRenders() throws IOException {
        String text = text(ContractDocument.render(data("Li 李 Wei\nRojas", "PEN", "es")));

        assertThat(text).contains("Li ? Wei Rojas");
    }

    @Test
    void theLongestDataFitsInTwoPages() throws IOException {
        String longName = "Ñ".repeat(200);

        String text = text(ContractDocument.render(data(longName, "PEN", "es")));

        assertThat(text.replace(" ", "")).contains(longName);
    }

    @Test
    void wrapsLinesWithinTheWidth() throws IOException {
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

        var lines = ContractDocument.wrap("uno dos tres " + "x".repeat(300), font, 10, 200);

        assertThat(lines).hasSizeGreaterThan(2).first().isEqualTo("uno dos tres");
        for (String line : lines) {
            assertThat(font.getStringWidth(line) / 1000 * 10).isLessThanOrEqualTo(200);
        }
    }

    @Test
    void refusesDataOutOfBounds() {
        assertThatThrownBy(() -> data("x".repeat(201), "PEN", "es")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> data("Ana", "EUR", "es")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> data("Ana", "PEN", "de")).isInstanceOf(IllegalArgumentException.class);
    }
}
