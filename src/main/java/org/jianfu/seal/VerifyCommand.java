package org.jianfu.seal;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;

/**
 * {@code java -jar jianfu.jar verify --authority=authority.cer FILE...}: verifies sealed OFD or PDF files offline, with
 * nothing but the authority's certificate (downloaded from the public verification page), and starts nothing else: no
 * database, no server. Prints one verdict per file; exits 0 when every file is intact, 1 otherwise, 2 on wrong usage.
 * Revocation is not known offline: the verification page (or the platform) tells a revoked seal.
 */
public final class VerifyCommand {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

    private VerifyCommand() {
    }

    public static int run(PrintStream out, String... args) {
        Path authority = null;
        var files = new ArrayList<Path>();
        for (var arg : args) {
            if (arg.startsWith("--authority=")) {
                authority = Path.of(arg.substring("--authority=".length()));
            }
            else if (!arg.equals("verify") && !arg.startsWith("--")) {
                files.add(Path.of(arg));
            }
        }
        if (authority == null || files.isEmpty()) {
            out.println("Usage: java -jar jianfu.jar verify --authority=<authority certificate> <file.ofd|file.pdf>...");
            out.println("The authority certificate is offered on the platform's page /public/seal-verification.");
            return 2;
        }
        SealVerification verification;
        try {
            verification = SealVerification.offline(SealVerification.authorityCertificate(Files.readAllBytes(authority)));
        }
        catch (Exception unreadable) {
            out.println("Cannot read the authority certificate " + authority + ": " + unreadable.getMessage());
            return 2;
        }
        boolean allIntact = true;
        for (var file : files) {
            try {
                var verdict = verification.verify(Files.readAllBytes(file));
                allIntact &= verdict.outcome().good();
                out.println(file + ": " + verdict.outcome() + (verdict.format() == null ? "" : " (" + verdict.format() + ")"));
                if (verdict.sealedBy() != null) {
                    out.println("  sealed by   " + verdict.sealedBy());
                    out.println("  sealed at   " + (verdict.sealedAt() == null ? "-" : TIME.format(verdict.sealedAt())));
                    out.println("  certificate " + verdict.serialNumber() + ", issued by " + verdict.issuer() + ", valid until "
                            + TIME.format(verdict.validUntil()));
                }
            }
            catch (java.io.IOException e) {
                allIntact = false;
                out.println(file + ": cannot be read (" + e.getMessage() + ")");
            }
        }
        out.println("Revocation is not checked offline; the platform's verification page checks it.");
        return allIntact ? 0 : 1;
    }
}
