package io.quipu.sandbox.esign;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The provider's signing key and its self-signed certificate, made at startup: the sandbox keeps no secret on disk,
 * and a signature from one run does not pretend to be trusted by the next.
 */
public final class SigningIdentity {

    public static final String SUBJECT = "CN=Quipu Sandbox e-Signature, O=Quipu Sandbox";
    private static final int KEY_BITS = 2048;
    private static final Duration VALIDITY = Duration.ofDays(3 * 365);
    private static final Duration BACKDATING = Duration.ofHours(1);

    private final PrivateKey privateKey;
    private final X509Certificate certificate;
    private final X509CertificateHolder certificateHolder;

    private SigningIdentity(PrivateKey privateKey, X509CertificateHolder certificateHolder) throws GeneralSecurityException {
        this.privateKey = privateKey;
        this.certificateHolder = certificateHolder;
        this.certificate = new JcaX509CertificateConverter().getCertificate(certificateHolder);
    }

    public static SigningIdentity generate(Clock clock) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_BITS, new SecureRandom());
            KeyPair keys = generator.generateKeyPair();
            // Encoded from the most general part (O) to the most specific (CN), so that RFC 4514 readers print SUBJECT.
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.O, "Quipu Sandbox").addRDN(BCStyle.CN, "Quipu Sandbox e-Signature").build();
            Instant now = clock.instant();
            // Backdated a little so that a verifier whose clock is slightly behind still finds it valid.
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(64, new SecureRandom()).add(BigInteger.ONE), Date.from(now.minus(BACKDATING)),
                    Date.from(now.plus(VALIDITY)), subject, keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate()));
            return new SigningIdentity(keys.getPrivate(), holder);
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot create the e-signature key and certificate", e);
        }
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    X509CertificateHolder certificateHolder() {
        return certificateHolder;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public String subject() {
        return SUBJECT;
    }

    /** The certificate in PEM, for clients that verify signatures against it. */
    public String certificatePem() {
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(certificate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pem.toString();
    }
}
