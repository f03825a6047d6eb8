package org.jianfu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The English bundles read as English: a count of one takes the singular ("1 item", not "1 items"), and no
 * Chinese punctuation is left in them. Every English message is formatted as the application formats it
 * (MessageFormat), with each argument 1.
 */
class EnglishWordingTests {

    private static final Pattern ONE_PLURAL = Pattern.compile(
            "(?<![\\d.,])1 (?:[a-z-]+ )?(items|rows|accounts|requirements|findings|schools|visits|days|times|hours|applications"
                    + "|activities|characters|occurrences|suggestions|escalations|bytes|entries|units|ledgers|reports|files"
                    + "|comments|versions|notifications|pages|districts)\\b");
    private static final Pattern CHINESE_PUNCTUATION = Pattern.compile("[\\u3000-\\u303F\\uFF01-\\uFF0F\\uFF1A-\\uFF20\\uFF5B-\\uFF65]");

    @Test
    void aCountOfOneTakesTheSingularInEveryEnglishMessage() throws IOException {
        var wrong = new TreeMap<String, String>();
        for (var bundle : englishBundles()) {
            var messages = load(bundle);
            for (var key : messages.stringPropertyNames()) {
                var pattern = messages.getProperty(key);
                if (!pattern.contains("{")) {
                    continue;
                }
                var ones = new Object[10];
                Arrays.fill(ones, 1);
                var text = new MessageFormat(pattern, Locale.ENGLISH).format(ones);
                if (ONE_PLURAL.matcher(text).find() || text.contains("(s)")) {
                    wrong.put(key, text);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void noEnglishMessageHasChinesePunctuation() throws IOException {
        var wrong = new TreeMap<String, String>();
        for (var bundle : englishBundles()) {
            var messages = load(bundle);
            for (var key : messages.stringPropertyNames()) {
                if (CHINESE_PUNCTUATION.matcher(messages.getProperty(key)).find()) {
                    wrong.put(key, messages.getProperty(key));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * Punctuation written into a template (a quoted '：' or '、' in an expression, or after an element) shows on
     * the English pages too: it comes from a message instead (text.colon, text.list-separator, text.labelled …).
     * The ideographic space (U+3000) is not punctuation: pages use it to indent and to set two values apart.
     */
    @Test
    void noTemplateWritesChinesePunctuationOfItsOwn() throws IOException {
        var punctuation = "[\\u3001-\\u303F\\uFF01-\\uFF0F\\uFF1A-\\uFF20]";
        var own = Pattern.compile("'" + punctuation + "'|</(?:span|strong|a|em|th:block)>" + punctuation
                + "|<th:block(?![^>]*th:(?:text|utext))[^>]*>" + punctuation + "</th:block>");
        var wrong = new TreeMap<String, String>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (var file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                var matcher = own.matcher(Files.readString(file));
                while (matcher.find()) {
                    wrong.put(file + " at " + matcher.start(), matcher.group());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** A message with arguments goes through MessageFormat, where a plain apostrophe starts a quote and vanishes. */
    @Test
    void noEnglishMessageWithArgumentsLosesAnApostrophe() throws IOException {
        var wrong = new TreeMap<String, String>();
        for (var bundle : englishBundles()) {
            var messages = load(bundle);
            for (var key : messages.stringPropertyNames()) {
                var pattern = messages.getProperty(key);
                if (pattern.matches("(?s).*\\{\\d.*") && pattern.replace("''", "").contains("'")) {
                    wrong.put(key, pattern);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static List<Path> englishBundles() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources"))) {
            var list = files.filter(f -> f.getFileName().toString().equals("messages_en.properties")).sorted().toList();
            assertThat(list).hasSizeGreaterThanOrEqualTo(4);
            return list;
        }
    }

    private static Properties load(Path file) throws IOException {
        var properties = new Properties();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
