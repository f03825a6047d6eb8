package org.jianfu.audit;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar jianfu.jar audit-verify}: checks the audit chain with the audit key and against the signed
 * checkpoints, prints the result (and any restore an operator recorded) and exits with 0 when intact, 1 when
 * broken. Runs without the web server.
 */
@Component
@ConditionalOnProperty(name = "jianfu.command", havingValue = "audit-verify")
class AuditVerifyCommand implements ApplicationRunner, ExitCodeGenerator {

    private final AuditTrail trail;
    private int exitCode = 1;

    AuditVerifyCommand(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public void run(ApplicationArguments args) {
        var result = trail.verify();
        for (var restore : result.restores()) {
            System.out.println("Restored on purpose by an operator to row " + restore.seq() + " at " + restore.at() + ".");
        }
        if (result.intact()) {
            System.out.println("Audit chain intact: " + result.rowsChecked() + " rows checked.");
            exitCode = 0;
        }
        else {
            System.out.println("Audit chain BROKEN: " + result.describe() + " (" + result.rowsChecked() + " rows read).");
            exitCode = 1;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
