package io.quipu.customers.application;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The savings account contract the customer signs at the end of onboarding: an A4 PDF with the customer's and the
 * account's data, the terms, and the signature line. The same data always gives the same bytes (the creation date is
 * the contract's date), so that a retried signature sends the e-signature provider the very same document.
 */
public final class ContractDocument {

    /** More than this means the data or the terms went wrong: the contract is one or two pages. */
    static final int MAX_PAGES = 3;

    private static final ZoneId LIMA = ZoneId.of("America/Lima");
    private static final float MARGIN = 56;
    private static final float TITLE_SIZE = 15;
    private static final float HEADING_SIZE = 10.5f;
    private static final float TEXT_SIZE = 9.5f;
    private static final float FOOTER_SIZE = 8;
    private static final float LINE_SPACING = 1.35f;
    private static final Map<String, String> RATES = Map.of("PEN", "1.50%", "USD", "0.50%");

    private ContractDocument() {
    }

    /**
     * What the contract shows; every text has a limit, so the contract stays within its pages.
     *
     * @param documentNumberMasked the document number as the customer may see it printed (such as {@code ****5678})
     * @param currency             PEN or USD
     * @param language             Spanish ({@code es}) or English ({@code en})
     */
    public record ContractData(String contractNumber, String customerFullName, String documentType,
            String documentNumberMasked, String email, String accountNumber, String cci, String currency,
            String productName, LocalDate date, Locale language) {

        public ContractData {
            requireText("contractNumber", contractNumber, 40);
            requireText("customerFullName", customerFullName, 200);
            requireText("documentType", documentType, 20);
            requireText("documentNumberMasked", documentNumberMasked, 20);
            requireText("email", email, 254);
            requireText("accountNumber", accountNumber, 34);
            requireText("cci", cci, 34);
            requireText("productName", productName, 100);
            if (currency == null || !RATES.containsKey(currency)) {
                throw new IllegalArgumentException("currency must be PEN or USD");
            }
            if (date == null) {
                throw new IllegalArgumentException("date is required");
            }
            if (language == null || !(language.getLanguage().equals("es") || language.getLanguage().equals("en"))) {
                throw new IllegalArgumentException("language must be es or en");
            }
        }

        private static void requireText(String name, String value, int maxCharacters) {
            if (value == null || value.isBlank() || value.length() > maxCharacters) {
                throw new IllegalArgumentException(name + " must be 1 to " + maxCharacters + " characters");
            }
        }
    }

    /** The contract as PDF bytes. */
    public static byte[] render(ContractData data) {
        Wording wording = data.language().getLanguage().equals("en") ? Wording.ENGLISH : Wording.SPANISH;
        try (PDDocument document = new PDDocument()) {
            Fonts fonts = new Fonts(new PDType1Font(Standard14Fonts.FontName.HELVETICA),
                    new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD));
            try (Writer writer = new Writer(document, fonts)) {
                writer.paragraph(wording.title, fonts.bold, TITLE_SIZE);
                writer.paragraph(data.productName(), fonts.regular, TEXT_SIZE);
                writer.space(8);
                List<String[]> rows = wording.dataRows(data);
                float labelWidth = 0;
                for (String[] row : rows) {
                    labelWidth = Math.max(labelWidth, width(row[0], fonts.bold, TEXT_SIZE) + 12);
                }
                for (String[] row : rows) {
                    writer.labelled(row[0], row[1], labelWidth);
                }
                writer.space(10);
                writer.paragraph(wording.introduction(data), fonts.regular, TEXT_SIZE);
                List<String[]> clauses = wording.clauses(data);
                for (int index = 0; index < clauses.size(); index++) {
                    writer.space(6);
                    writer.paragraph((index + 1) + ". " + clauses.get(index)[0], fonts.bold, HEADING_SIZE);
                    writer.paragraph(clauses.get(index)[1], fonts.regular, TEXT_SIZE);
                }
                writer.signatureBlock(wording, data);
            }
            int pages = document.getNumberOfPages();
            if (pages > MAX_PAGES) {
                throw new IllegalStateException("the contract takes " + pages + " pages, more than " + MAX_PAGES);
            }
            addFooters(document, fonts.regular, wording, data);
            describe(document, wording, data);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            // In memory, PDFBox fails only on a bug of ours.
            throw new UncheckedIOException("the contract could not be rendered", e);
        }
    }

    /** Wraps a text into lines no wider than {@code maxWidth}; a word wider than a line is cut. */
    static List<String> wrap(String text, PDFont font, float fontSize, float maxWidth) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, font, fontSize) <= maxWidth) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (width(rest, font, fontSize) > maxWidth) {
                int fits = 1;
                while (fits < rest.length() && width(rest.substring(0, fits + 1), font, fontSize) <= maxWidth) {
                    fits++;
                }
                lines.add(rest.substring(0, fits));
                rest = rest.substring(fits);
            }
            line.append(rest);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static float width(String text, PDFont font, float fontSize) throws IOException {
        return font.getStringWidth(text) / 1000 * fontSize;
    }

    /**
     * The text with every character the font cannot show (outside WinAnsi, which has Spanish's á é í ó ú ü ñ ¿ ¡)
     * replaced by '?', and line breaks by spaces: a name from anywhere must not stop the contract.
     */
    static String printable(String text, PDFont font) {
        StringBuilder printable = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            String character = Character.isWhitespace(codePoint) ? " " : new String(Character.toChars(codePoint));
            try {
                font.encode(character);
                printable.append(character);
            } catch (IOException | IllegalArgumentException e) {
                printable.append('?');
            }
        });
        return printable.toString();
    }

    private static void addFooters(PDDocument document, PDFont font, Wording wording, ContractData data) throws IOException {
        PdfPages.footers(document, font, FOOTER_SIZE, MARGIN,
                (page, pages) -> printable(wording.footer.formatted(data.contractNumber(), page, pages), font));
    }

    private static void describe(PDDocument document, Wording wording, ContractData data) {
        PDDocumentInformation information = document.getDocumentInformation();
        information.setTitle(wording.title + " " + data.contractNumber());
        information.setAuthor("Quipu");
        information.setCreator("Quipu customers");
        information.setProducer("Quipu");
        GregorianCalendar created = GregorianCalendar.from(data.date().atStartOfDay(LIMA));
        created.setTimeZone(TimeZone.getTimeZone(LIMA));
        information.setCreationDate(created);
        document.getDocumentCatalog().setLanguage(wording.languageTag);
        // PDFBox would otherwise make the file identifier from the clock: derived from the data, the bytes repeat.
        byte[] identifier = Arrays.copyOf(sha256(data.toString()), 16);
        COSArray identifiers = new COSArray();
        identifiers.add(new COSString(identifier));
        identifiers.add(new COSString(identifier));
        document.getDocument().getTrailer().setItem(COSName.ID, identifiers);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private record Fonts(PDFont regular, PDFont bold) {
    }

    /** Lays text out from the top of a page down, opening a new page when one is full. */
    private static final class Writer implements AutoCloseable {

        private final PdfPages pages;
        private final Fonts fonts;
        private final float textWidth = PDRectangle.A4.getWidth() - 2 * MARGIN;

        Writer(PDDocument document, Fonts fonts) throws IOException {
            this.pages = new PdfPages(document, MARGIN, MAX_PAGES);
            this.fonts = fonts;
        }

        void paragraph(String text, PDFont font, float fontSize) throws IOException {
            for (String line : wrap(printable(text, font), font, fontSize, textWidth)) {
                line(line, font, fontSize, MARGIN);
            }
        }

        /** "Label: value", the value wrapped beside the label. */
        void labelled(String label, String value, float labelWidth) throws IOException {
            List<String> lines = wrap(printable(value, fonts.regular), fonts.regular, TEXT_SIZE, textWidth - labelWidth);
            for (int index = 0; index < lines.size(); index++) {
                if (index == 0) {
                    pages.ensureRoom(TEXT_SIZE * LINE_SPACING);
                    pages.show(printable(label, fonts.bold), fonts.bold, TEXT_SIZE, MARGIN, pages.top() - TEXT_SIZE);
                }
                line(lines.get(index), fonts.regular, TEXT_SIZE, MARGIN + labelWidth);
            }
        }

        void signatureBlock(Wording wording, ContractData data) throws IOException {
            // The block stays together on one page.
            pages.ensureRoom(10 * TEXT_SIZE * LINE_SPACING);
            space(10);
            paragraph("Lima, " + data.date().format(wording.dateFormat), fonts.regular, TEXT_SIZE);
            space(30);
            line("______________________________", fonts.regular, TEXT_SIZE, MARGIN);
            paragraph(data.customerFullName(), fonts.bold, TEXT_SIZE);
            paragraph(data.documentType() + " " + data.documentNumberMasked(), fonts.regular, TEXT_SIZE);
            paragraph(wording.signatureNote, fonts.regular, TEXT_SIZE);
            space(14);
            paragraph(wording.bankSignature, fonts.regular, TEXT_SIZE);
        }

        void space(float points) throws IOException {
            pages.space(points);
        }

        private void line(String text, PDFont font, float fontSize, float x) throws IOException {
            float height = fontSize * LINE_SPACING;
            pages.ensureRoom(height);
            pages.show(text, font, fontSize, x, pages.top() - fontSize);
            pages.down(height);
        }

        @Override
        public void close() throws IOException {
            pages.close();
        }
    }

    /** The contract's words in one language. */
    private static final class Wording {

        static final Wording SPANISH = new Wording("es-PE", "Contrato de Cuenta de Ahorros",
                "Contrato N.° %s - Página %d de %d",
                "Firmado electrónicamente por el Cliente, con verificación biométrica de su identidad.",
                "Por Quipu: firma electrónica del representante autorizado.",
                DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        static final Wording ENGLISH = new Wording("en", "Savings Account Contract",
                "Contract No. %s - Page %d of %d",
                "Signed electronically by the Customer, after biometric verification of their identity.",
                "For Quipu: electronic signature of the authorised representative.",
                DateTimeFormatter.ofPattern("dd MMM yyyy", Locale.ENGLISH));

        final String languageTag;
        final String title;
        final String footer;
        final String signatureNote;
        final String bankSignature;
        final DateTimeFormatter dateFormat;

        private Wording(String languageTag, String title, String footer, String signatureNote, String bankSignature,
                DateTimeFormatter dateFormat) {
            this.languageTag = languageTag;
            this.title = title;
            this.footer = footer;
            this.signatureNote = signatureNote;
            this.bankSignature = bankSignature;
            this.dateFormat = dateFormat;
        }

        private boolean spanish() {
            return this == SPANISH;
        }

        private String currencyName(String currency) {
            return switch (currency) {
                case "PEN" -> spanish() ? "Soles (PEN)" : "Peruvian soles (PEN)";
                case "USD" -> spanish() ? "Dólares de los Estados Unidos (USD)" : "US dollars (USD)";
                default -> throw new IllegalArgumentException("currency must be PEN or USD");
            };
        }

        List<String[]> dataRows(ContractData data) {
            return List.of(
                    new String[] {spanish() ? "Contrato N.°" : "Contract No.", data.contractNumber()},
                    new String[] {spanish() ? "Fecha" : "Date", data.date().format(dateFormat)},
                    new String[] {spanish() ? "Cliente" : "Customer", data.customerFullName()},
                    new String[] {spanish() ? "Documento de identidad" : "Identity document",
                            data.documentType() + " " + data.documentNumberMasked()},
                    new String[] {spanish() ? "Correo electrónico" : "E-mail", data.email()},
                    new String[] {spanish() ? "Producto" : "Product", data.productName()},
                    new String[] {spanish() ? "Moneda" : "Currency", currencyName(data.currency())},
                    new String[] {spanish() ? "Número de cuenta" : "Account number", data.accountNumber()},
                    new String[] {spanish() ? "Código de Cuenta Interbancario (CCI)" : "Interbank account code (CCI)",
                            data.cci()});
        }

        String introduction(ContractData data) {
            return spanish()
                    ? "Conste por el presente documento el contrato de cuenta de ahorros que celebran Quipu (en adelante, "
                            + "\"Quipu\") y " + data.customerFullName() + " (en adelante, \"el Cliente\"), en los términos "
                            + "y condiciones siguientes:"
                    : "This document records the savings account contract between Quipu (\"Quipu\") and "
                            + data.customerFullName() + " (\"the Customer\"), on the following terms and conditions:";
        }

        List<String[]> clauses(ContractData data) {
            String rate = RATES.get(data.currency());
            if (spanish()) {
                return List.of(
                        new String[] {"Objeto", "Quipu abre a nombre del Cliente una cuenta de ahorros en "
                                + currencyName(data.currency()) + ", N.° " + data.accountNumber() + ", CCI " + data.cci()
                                + ", en la que el Cliente puede depositar, retirar y transferir dinero por los canales "
                                + "de Quipu (aplicación móvil y banca por internet)."},
                        new String[] {"Costo de mantenimiento", "La cuenta no tiene costo de mantenimiento ni exige saldo "
                                + "mínimo. Las comisiones y gastos de otras operaciones están en la Cartilla de "
                                + "Información y en el tarifario publicados en la web de Quipu."},
                        new String[] {"Intereses", "El saldo gana una tasa de interés efectiva anual (TEA) de " + rate
                                + ", calculada sobre el saldo diario en base a un año de 360 días y abonada en la cuenta "
                                + "el último día de cada mes. La Tasa de Rendimiento Efectivo Anual (TREA) es " + rate
                                + " para un saldo que se mantiene sin operaciones con costo. Quipu puede modificar la tasa "
                                + "comunicándolo al Cliente con al menos 45 días de anticipación."},
                        new String[] {"Fondo de Seguro de Depósitos", "Los depósitos del Cliente están cubiertos por el "
                                + "Fondo de Seguro de Depósitos (FSD) hasta el monto máximo de cobertura vigente, que el "
                                + "FSD actualiza cada trimestre y publica en www.fsd.org.pe."},
                        new String[] {"Seguridad y canales", "El Cliente opera su cuenta con su usuario, contraseña, "
                                + "códigos de un solo uso y su biometría, que son personales y debe mantener en reserva. "
                                + "Debe avisar de inmediato a Quipu la pérdida de su teléfono o cualquier uso que no "
                                + "reconozca, para que Quipu bloquee el acceso."},
                        new String[] {"Cierre de la cuenta", "El Cliente puede cerrar la cuenta en cualquier momento y sin "
                                + "costo desde la aplicación, la banca por internet o los canales de atención; Quipu le "
                                + "transfiere el saldo a la cuenta que indique. Quipu puede cerrarla por las causales de "
                                + "ley, como las normas de prevención del lavado de activos, comunicándolo al Cliente."},
                        new String[] {"Reclamos", "El Cliente puede presentar reclamos en el Libro de Reclamaciones "
                                + "virtual de la web y la aplicación de Quipu o por su central telefónica; Quipu responde "
                                + "en un plazo máximo de 15 días hábiles. Si no está conforme, puede acudir a la "
                                + "Defensoría del Cliente Financiero, a la Superintendencia de Banca, Seguros y AFP (SBS) "
                                + "o al INDECOPI."},
                        new String[] {"Firma electrónica y ley aplicable", "El Cliente firma este contrato "
                                + "electrónicamente tras verificar su identidad con biometría; esta firma tiene la misma "
                                + "validez que la manuscrita (Ley N.° 27269, Ley de Firmas y Certificados Digitales). "
                                + "El contrato se rige por las leyes de la República del Perú. El Cliente recibe una copia "
                                + "firmada en su correo electrónico."});
            }
            return List.of(
                    new String[] {"Purpose", "Quipu opens in the Customer's name a savings account in "
                            + currencyName(data.currency()) + ", No. " + data.accountNumber() + ", CCI " + data.cci()
                            + ", into which the Customer may deposit, withdraw and transfer money through Quipu's "
                            + "channels (mobile app and online banking)."},
                    new String[] {"Maintenance fee", "The account has no maintenance fee and no minimum balance. Fees "
                            + "and charges of other operations are listed in the Information Sheet and the price list "
                            + "published on Quipu's website."},
                    new String[] {"Interest", "The balance earns an effective annual interest rate (TEA) of " + rate
                            + ", computed on the daily balance on a 360-day year and paid into the account on the last "
                            + "day of each month. The effective annual yield (TREA) is " + rate + " for a balance kept "
                            + "without operations that have a cost. Quipu may change the rate by informing the Customer "
                            + "at least 45 days in advance."},
                    new String[] {"Deposit insurance", "The Customer's deposits are covered by the Deposit Insurance "
                            + "Fund (Fondo de Seguro de Depósitos, FSD) up to the maximum coverage in force, which the FSD "
                            + "updates every quarter and publishes at www.fsd.org.pe."},
                    new String[] {"Security and channels", "The Customer operates the account with their user name, "
                            + "password, one-time codes and biometrics, which are personal and must be kept secret. The "
                            + "Customer must tell Quipu at once of a lost phone or any use they do not recognise, so "
                            + "that Quipu blocks access."},
                    new String[] {"Closing the account", "The Customer may close the account at any time and at no cost "
                            + "from the app, online banking or the customer service channels; Quipu transfers the "
                            + "balance to the account the Customer names. Quipu may close it on the grounds the law "
                            + "allows, such as anti-money-laundering rules, informing the Customer."},
                    new String[] {"Complaints", "The Customer may file complaints in the online Complaints Book "
                            + "(Libro de Reclamaciones) on Quipu's website and app or through its call centre; Quipu "
                            + "answers within 15 business days at most. If not satisfied, the Customer may turn to the "
                            + "Financial Customer Ombudsman, the Superintendency of Banking, Insurance and Pension Funds "
                            + "(SBS) or INDECOPI."},
                    new String[] {"Electronic signature and governing law", "The Customer signs this contract "
                            + "electronically after biometric verification of their identity; this signature is as "
                            + "valid as a handwritten one (Law No. 27269 on Digital Signatures and Certificates). The "
                            + "contract is governed by the laws of the Republic of Peru. The Customer receives a signed "
                            + "copy by e-mail."});
        }
    }
}
