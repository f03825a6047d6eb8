package org.jianfu.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.jianfu.account.LoginHints;
import org.jianfu.test.JianfuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The README's table of demo accounts is the demo's own list: every account, with its unit, and no other. */
@JianfuIntegrationTest
class DemoAccountsReadmeTests {

    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\|.*\\| (\\S+) \\|$", Pattern.MULTILINE);

    @Autowired LoginHints demo;

    @Test
    void theReadmeListsEveryDemoAccountWithItsUnitAndNoOther() throws IOException {
        var readme = Files.readString(Path.of("README.md"));
        var listed = new java.util.TreeMap<String, String>();
        var rows = ROW.matcher(readme);
        while (rows.find()) {
            listed.put(rows.group(1), rows.group(2));
        }
        var accounts = new java.util.TreeMap<String, String>();
        demo.hints().forEach(h -> accounts.put(h.username(), h.unitName()));
        assertThat(accounts).hasSizeGreaterThanOrEqualTo(10);
        assertThat(listed).isEqualTo(accounts);
    }
}
