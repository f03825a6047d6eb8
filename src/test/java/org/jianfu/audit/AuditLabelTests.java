package org.jianfu.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Every action and object type the code can write to the audit trail has a label in Chinese and in English,
 * so the audit page never shows a raw key. The actions are found, not listed here: every class of the
 * application implementing {@link AuditableEvent} (a fixed action, or the static {@code actions()} it must
 * declare otherwise), the rows the trail writes of its own ({@link AuditTrail.OwnAction}), and the rows a
 * module writes in its own SQL through {@code audit_append}.
 */
class AuditLabelTests {

    /** Modules that append audit rows in their own SQL, and where their action and object type are named. */
    static final Map<String, String> DIRECT_WRITERS = Map.of("org/jianfu/ledger/LedgerRepository.java", "org.jianfu.ledger.EntryHistory");

    @Test
    void everyActionTheCodeCanWriteHasALabelInChineseAndEnglish() throws Exception {
        var found = emitted();
        assertThat(found.actions).as("actions found").hasSizeGreaterThan(40);
        assertLabelled("audit.action.", found.actions);
    }

    @Test
    void everyObjectTypeTheCodeCanWriteHasALabelInChineseAndEnglish() throws Exception {
        var found = emitted();
        assertThat(found.objectTypes).as("object types found").hasSizeGreaterThan(10);
        assertLabelled("audit.object.", found.objectTypes);
    }

    @Test
    void anEventMadeWithAnActionItDoesNotDeclareIsRefused() throws Exception {
        var inspection = Class.forName("org.jianfu.inspection.InspectionEvents$InspectionChanged");
        var constructor = inspection.getDeclaredConstructors()[0];
        constructor.setAccessible(true);
        var refused = org.assertj.core.api.Assertions.catchThrowable(() ->
                constructor.newInstance("inspection.item-vanished", "inspection-item", "1", null, null));
        assertThat(refused).hasRootCauseInstanceOf(IllegalArgumentException.class);
    }

    record Emitted(Set<String> actions, Set<String> objectTypes) {
    }

    private static Emitted emitted() throws Exception {
        var actions = new TreeSet<String>();
        var objectTypes = new TreeSet<String>();
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(AuditableEvent.class));
        for (var candidate : scanner.findCandidateComponents("org.jianfu")) {
            var type = ClassUtils.forName(candidate.getBeanClassName(), AuditLabelTests.class.getClassLoader());
            if (type.getProtectionDomain().getCodeSource().getLocation().toString().contains("test-classes")) {
                continue;
            }
            actions.addAll(values(type, "actions", "action"));
            objectTypes.addAll(values(type, "objectTypes", "objectType"));
        }
        assertThat(actions).as("events found by scanning").hasSizeGreaterThan(20);
        for (var own : AuditTrail.OwnAction.values()) {
            actions.add(own.action);
        }
        objectTypes.add(AuditTrail.OwnAction.OBJECT_TYPE);
        for (var writer : directWriters()) {
            assertThat(DIRECT_WRITERS).as(writer + " appends audit rows in SQL: name where its action is kept").containsKey(writer);
            var names = Class.forName(DIRECT_WRITERS.get(writer));
            actions.add((String) constant(names, "SAVED"));
            objectTypes.add((String) constant(names, "OBJECT_TYPE"));
        }
        return new Emitted(actions, objectTypes);
    }

    /**
     * What one event class can write: the static list it declares, or else the fixed value its method returns
     * on an instance made of nulls and zeros (a value that depends on the instance fails here).
     */
    private static Collection<String> values(Class<?> type, String listMethod, String method) throws Exception {
        var declared = declaredList(type, listMethod);
        if (declared != null) {
            return declared;
        }
        Object value;
        try {
            Method getter = type.getMethod(method);
            getter.setAccessible(true);
            value = getter.invoke(blank(type));
        }
        catch (ReflectiveOperationException | RuntimeException e) {
            throw new AssertionError(type.getName() + "." + method + "() depends on the event: declare static " + listMethod + "()", e);
        }
        assertThat(value).as(type.getName() + "." + method + "() on a blank event: declare static " + listMethod + "()").isNotNull();
        return Set.of((String) value);
    }

    /** The values the class lists in its static method of that name, or null when it has none. */
    private static Collection<String> declaredList(Class<?> type, String listMethod) throws ReflectiveOperationException {
        var declared = Arrays.stream(type.getDeclaredMethods())
                .filter(m -> m.getName().equals(listMethod) && Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0)
                .findFirst();
        if (declared.isEmpty()) {
            return null;
        }
        declared.get().setAccessible(true);
        @SuppressWarnings("unchecked")
        var list = (Collection<String>) declared.get().invoke(null);
        return list;
    }

    /** An instance of nulls and zeros; a record's declared action and object type, when it checks them, one of its list. */
    private static Object blank(Class<?> type) throws Exception {
        if (!type.isRecord()) {
            var constructor = type.getDeclaredConstructors()[0];
            constructor.setAccessible(true);
            return constructor.newInstance(Arrays.stream(constructor.getParameterTypes()).map(AuditLabelTests::zero).toArray());
        }
        var components = type.getRecordComponents();
        var args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            var name = components[i].getName();
            var list = name.equals("action") || name.equals("objectType") ? declaredList(type, name + "s") : null;
            args[i] = list != null ? list.iterator().next() : zero(components[i].getType());
        }
        var constructor = type.getDeclaredConstructor(Arrays.stream(components).map(c -> c.getType()).toArray(Class[]::new));
        constructor.setAccessible(true);
        return constructor.newInstance(args);
    }

    private static Object zero(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == int.class) {
            return 0;
        }
        return type == double.class ? 0.0 : (Object) (short) 0;
    }

    private static Object constant(Class<?> type, String name) throws ReflectiveOperationException {
        var field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(null);
    }

    /** Main sources outside the audit module that call the database function audit_append. */
    private static Set<String> directWriters() throws IOException {
        var root = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(root)) {
            var writers = new TreeSet<String>();
            for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                var name = root.relativize(file).toString().replace('\\', '/');
                if (!name.startsWith("org/jianfu/audit/") && Files.readString(file).contains("audit_append(")) {
                    writers.add(name);
                }
            }
            assertThat(writers).as("direct audit writers").isNotEmpty();
            return writers;
        }
    }

    private static void assertLabelled(String prefix, Set<String> keys) throws IOException {
        var chinese = bundles("messages.properties");
        var english = bundles("messages_en.properties");
        var missing = new TreeMap<String, String>();
        for (var key : keys) {
            if (chinese.getProperty(prefix + key) == null) {
                missing.put(prefix + key, "no Chinese label");
            }
            var en = english.getProperty(prefix + key);
            if (en == null) {
                missing.put(prefix + key, "no English label");
            }
            else if (en.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                missing.put(prefix + key, "English label in Chinese: " + en);
            }
        }
        assertThat(missing).isEmpty();
    }

    /** All bundles of one language merged (keys never repeat across bundles). */
    private static Properties bundles(String fileName) throws IOException {
        var merged = new Properties();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources"))) {
            for (var file : files.filter(f -> f.getFileName().toString().equals(fileName)).toList()) {
                try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    merged.load(reader);
                }
            }
        }
        return merged;
    }
}
