package org.jianfu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** Every message key exists in every language, and every key a template names exists. */
class MessagesTests {

    private static Properties load(String name) throws IOException {
        var properties = new Properties();
        try (var reader = new InputStreamReader(new ClassPathResource(name).getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws IOException {
        var zh = new TreeSet<>(load("messages.properties").stringPropertyNames());
        var en = new TreeSet<>(load("messages_en.properties").stringPropertyNames());
        assertThat(en).as("keys missing in English").containsAll(zh);
        assertThat(zh).as("keys missing in Chinese").containsAll(en);
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        var keys = load("messages.properties").stringPropertyNames();
        var literal = Pattern.compile("#\\{([a-zA-Z0-9_.\\-]+)");
        var missing = new TreeSet<String>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (var file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                var matcher = literal.matcher(Files.readString(file));
                while (matcher.find()) {
                    if (!keys.contains(matcher.group(1))) {
                        missing.add(file.getFileName() + ": " + matcher.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyEnumLabelExists() throws IOException {
        var keys = load("messages.properties").stringPropertyNames();
        for (var role : org.jianfu.account.Role.values()) {
            assertThat(keys).contains(role.messageKey());
        }
        for (var type : org.jianfu.unit.UnitType.values()) {
            assertThat(keys).contains(type.messageKey());
        }
        for (var stage : org.jianfu.unit.SchoolStage.values()) {
            assertThat(keys).contains(stage.messageKey());
        }
    }
}
