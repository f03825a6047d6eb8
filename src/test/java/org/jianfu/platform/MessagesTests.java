package org.jianfu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every message key exists in every language, and every key a template names exists. */
class MessagesTests {

    /**
     * Each module may keep its own bundle next to its resources (e.g. {@code inspection/messages.properties});
     * every Chinese bundle on disk is paired with its English one.
     */
    private static List<Path> chineseBundles() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources"))) {
            return files.filter(f -> f.getFileName().toString().equals("messages.properties")).sorted().toList();
        }
    }

    private static Properties load(Path file) throws IOException {
        var properties = new Properties();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static Set<String> allKeys() throws IOException {
        var keys = new TreeSet<String>();
        for (var bundle : chineseBundles()) {
            keys.addAll(load(bundle).stringPropertyNames());
        }
        return keys;
    }

    @Test
    void everyBundleOnDiskIsConfigured() throws IOException {
        var configured = Files.readString(Path.of("src/main/resources/application.yml"));
        for (var bundle : chineseBundles()) {
            var basename = Path.of("src/main/resources").relativize(bundle).toString().replace(".properties", "");
            assertThat(configured).as("spring.messages.basename lists " + basename).contains(basename);
        }
    }

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws IOException {
        for (var bundle : chineseBundles()) {
            var zh = new TreeSet<>(load(bundle).stringPropertyNames());
            var en = new TreeSet<>(load(bundle.resolveSibling("messages_en.properties")).stringPropertyNames());
            assertThat(en).as("keys missing in English in " + bundle).containsAll(zh);
            assertThat(zh).as("keys missing in Chinese in " + bundle).containsAll(en);
        }
    }

    @Test
    void noKeyIsDefinedInTwoBundles() throws IOException {
        var seen = new java.util.HashMap<String, Path>();
        var twice = new TreeSet<String>();
        for (var bundle : chineseBundles()) {
            for (var key : load(bundle).stringPropertyNames()) {
                var earlier = seen.put(key, bundle);
                if (earlier != null) {
                    twice.add(key + " in " + earlier + " and " + bundle);
                }
            }
        }
        assertThat(twice).isEmpty();
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        var keys = allKeys();
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
        var keys = allKeys();
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
