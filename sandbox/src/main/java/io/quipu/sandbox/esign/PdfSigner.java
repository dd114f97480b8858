package io.quipu.sandbox.esign;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureInterface;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs PDFs the way an e-signature provider does: a PAdES baseline-style signature, that is a detached CMS
 * (ETSI.CAdES.detached) over the byte range of the file, written by PDFBox as an incremental update so that the
 * original bytes stay intact. The CMS carries the signing certificate's hash (signing-certificate-v2) and no
 * signing-time attribute: PAdES takes the time from the signature dictionary.
 */
public final class PdfSigner {

    private final SigningIdentity identity;

    public PdfSigner(SigningIdentity identity) {
        this.identity = identity;
    }

    /** Thrown when the bytes cannot be read as a PDF PDFBox can sign (damaged, or encrypted). */
    public static final class NotSignableException extends Exception {
        NotSignableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Our own failure to sign, not the document's: it must not be answered as the client's mistake. */
    private static final class SigningFailure extends IllegalStateException {
        SigningFailure(Throwable cause) {
            super("cannot sign the document", cause);
        }
    }

    public byte[] sign(byte[] pdf, String signerName, String reason, Instant signedAt) throws NotSignableException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            if (document.isEncrypted()) {
                throw new NotSignableException("The PDF is encrypted.", null);
            }
            if (document.getNumberOfPages() == 0) {
                throw new NotSignableException("The PDF has no page.", null);
            }
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(signerName);
            signature.setReason(reason);
            Calendar signDate = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
            signDate.setTimeInMillis(signedAt.toEpochMilli());
            signature.setSignDate(signDate);
            document.addSignature(signature, this::detachedCms);
            ByteArrayOutputStream signed = new ByteArrayOutputStream(pdf.length + 16_384);
            document.saveIncremental(signed);
            return signed.toByteArray();
        } catch (SigningFailure e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // PDFBox reports some damaged files with runtime exceptions: they are still the client's bad document.
            throw new NotSignableException("The document cannot be read or signed as a PDF.", e);
        }
    }

    /** The CMS SignedData over the content PDFBox hands over (the file without the signature's own bytes). */
    private byte[] detachedCms(InputStream content) throws IOException {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(signerInfoGenerator());
            generator.addCertificates(new JcaCertStore(List.of(identity.certificate())));
            return generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false).getEncoded();
        } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
            throw new SigningFailure(e);
        }
    }

    private SignerInfoGenerator signerInfoGenerator() throws GeneralSecurityException, OperatorCreationException, IOException {
        byte[] certificateHash = MessageDigest.getInstance("SHA-256").digest(identity.certificate().getEncoded());
        // ESSCertIDv2 defaults to SHA-256, the hash just computed.
        SigningCertificateV2 signingCertificate = new SigningCertificateV2(new ESSCertIDv2[] {new ESSCertIDv2(certificateHash)});
        AttributeTable extraAttributes = new AttributeTable(
                new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2, new DERSet(signingCertificate)));
        DefaultSignedAttributeTableGenerator defaults = new DefaultSignedAttributeTableGenerator(extraAttributes);
        CMSAttributeTableGenerator withoutSigningTime = parameters -> defaults.getAttributes(parameters).remove(CMSAttributes.signingTime);
        return new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .setSignedAttributeGenerator(withoutSigningTime)
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(identity.privateKey()), identity.certificateHolder());
    }
}
