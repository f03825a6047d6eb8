package org.jianfu.audit;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The last step of {@code java -jar jianfu.jar restore}: once the rows are back, records the deliberate
 * restore as a signed line beside the checkpoints ({@link AuditCheckpoints#recordRestore()}), so that
 * {@code audit-verify} tells it from an older copy put back unnoticed. Exits with 1, recording nothing, when
 * the restored chain does not verify with this installation's audit key.
 */
@Component
@ConditionalOnProperty(name = "jianfu.command", havingValue = AuditRestoreCommand.NAME)
class AuditRestoreCommand implements ApplicationRunner, ExitCodeGenerator {

    static final String NAME = "audit-record-restore";

    private final AuditCheckpoints checkpoints;
    private int exitCode = 1;

    AuditRestoreCommand(AuditCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            var restore = checkpoints.recordRestore();
            System.out.println("Audit trail: the restore to row " + restore.seq() + " is recorded beside the checkpoints.");
            exitCode = 0;
        }
        catch (IllegalStateException broken) {
            System.out.println("Audit trail NOT recorded as restored: " + broken.getMessage());
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
