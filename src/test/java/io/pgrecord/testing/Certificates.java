package io.pgrecord.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A throwaway CA and a server certificate for {@code localhost}, written as PEM files. */
public final class Certificates {

    public final Path rootCert;
    public final Path serverCert;
    public final Path serverKey;

    private Certificates(Path dir) {
        this.rootCert = dir.resolve("root.crt");
        this.serverCert = dir.resolve("server.crt");
        this.serverKey = dir.resolve("server.key");
    }

    /** A CA, and a server certificate it signs, valid for the DNS name {@code localhost} only. */
    public static Certificates create(Path dir) {
        try {
            Certificates c = new Certificates(dir);
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            KeyPair caKeys = gen.generateKeyPair();
            KeyPair serverKeys = gen.generateKeyPair();
            X500Name ca = new X500Name("CN=pgrecord test CA");
            Instant now = Instant.now();
            Date from = Date.from(now.minus(1, ChronoUnit.DAYS));
            Date to = Date.from(now.plus(30, ChronoUnit.DAYS));
            var caBuilder = new JcaX509v3CertificateBuilder(ca, BigInteger.ONE, from, to, ca, caKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            X509CertificateHolder caCert = caBuilder.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKeys.getPrivate()));
            var serverBuilder = new JcaX509v3CertificateBuilder(ca, BigInteger.TWO, from, to, new X500Name("CN=localhost"),
                    serverKeys.getPublic())
                    .addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(new GeneralName(GeneralName.dNSName, "localhost")));
            X509CertificateHolder serverCert = serverBuilder.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKeys.getPrivate()));
            write(c.rootCert, caCert);
            write(c.serverCert, serverCert);
            write(c.serverKey, serverKeys.getPrivate());
            Files.setPosixFilePermissions(c.serverKey, PosixFilePermissions.fromString("rw-------"));
            return c;
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, Object pem) throws IOException {
        try (Writer w = Files.newBufferedWriter(file); JcaPEMWriter pemWriter = new JcaPEMWriter(w)) {
            pemWriter.writeObject(pem);
        }
    }
}
