package org.jianfu;

import java.util.Arrays;

import org.jianfu.platform.DatabaseCommands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class JianfuApplication {

    public static void main(String[] args) {
        if (Arrays.asList(args).contains("audit-verify")) {
            System.exit(runCommand("audit-verify", args));
        }
        if (args.length > 0 && args[0].equals("verify")) {
            System.exit(org.jianfu.seal.VerifyCommand.run(System.out, args));
        }
        if (args.length > 0 && args[0].equals("backup")) {
            System.exit(DatabaseCommands.run("backup", args));
        }
        if (args.length > 0 && args[0].equals("restore")) {
            System.exit(restore(args));
        }
        SpringApplication.run(JianfuApplication.class, args);
    }

    /**
     * Loads a backup, then starts the application once on what was restored to record the restore beside
     * the audit checkpoints: without that line, the checkpoints written before would report the rows after
     * the backup as missing.
     */
    public static int restore(String... args) {
        int loaded = DatabaseCommands.run("restore", args);
        return loaded != 0 ? loaded : runCommand("audit-record-restore", args);
    }

    /** Runs a one-shot command without the web server and returns the exit code it reports. */
    static int runCommand(String command, String... args) {
        var application = new SpringApplication(JianfuApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setDefaultProperties(java.util.Map.of(
                "jianfu.command", command,
                "spring.main.banner-mode", "off",
                "spring.session.jdbc.cleanup-cron", "-"));
        return SpringApplication.exit(application.run(args));
    }
}
