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
        for (var command : DatabaseCommands.NAMES) {
            if (args.length > 0 && args[0].equals(command)) {
                System.exit(DatabaseCommands.run(command, args));
            }
        }
        SpringApplication.run(JianfuApplication.class, args);
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
