package org.jianfu.ledger;

import java.util.List;

/** A version of the ledger's structure: matters, their key tasks, and the numbered requirements. */
public record LedgerTemplate(long id, int year, String title, int version, List<Matter> matters) {

    public record Matter(long id, int position, String name, List<KeyTask> keyTasks) {
    }

    public record KeyTask(long id, int position, String name, List<Requirement> requirements) {
    }

    /**
     * One requirement.
     *
     * @param number its number in this version (changes when requirements are added, removed or moved)
     * @param code its stable code, kept through every version (see {@code V40__requirement_codes.sql})
     * @param origins the codes of earlier requirements this one takes the place of (a split or a merge)
     */
    public record Requirement(long id, int number, String code, String text, List<String> origins) {

        public Requirement {
            origins = List.copyOf(origins);
        }

        /** The form of a code: the year of the version that introduced it and a number (the check V40 puts on the column). */
        private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[0-9]{4}-[0-9]{2,3}");

        /** Whether the text has the form of a requirement code ("2021-05"); says nothing of whether a template has it. */
        public static boolean wellFormed(String code) {
            return code != null && CODE.matcher(code).matches();
        }

        /** Whether figures, rules and answers recorded under this code belong to this requirement. */
        public boolean answersTo(String someCode) {
            return code.equals(someCode) || origins.contains(someCode);
        }
    }

    /** All requirements in number order. */
    public List<Requirement> requirements() {
        return matters.stream().flatMap(m -> m.keyTasks().stream()).flatMap(k -> k.requirements().stream()).toList();
    }

    /**
     * The requirement that stands for a code in this version: the one with that code, or else the first
     * one that names it as an origin (after a split or a merge); empty when the version dropped it.
     */
    public java.util.Optional<Requirement> requirementFor(String code) {
        var requirements = requirements();
        return requirements.stream().filter(r -> r.code().equals(code)).findFirst()
                .or(() -> requirements.stream().filter(r -> r.origins().contains(code)).findFirst());
    }

    /** The rows as the printed table shows them: each requirement with its matter and key task. */
    public List<Row> rows() {
        return matters.stream().flatMap(m -> m.keyTasks().stream().flatMap(k -> k.requirements().stream()
                .map(r -> new Row(m, k, r)))).toList();
    }

    public record Row(Matter matter, KeyTask keyTask, Requirement requirement) {

        /** Whether this row is the first of its matter (where the merged matter cell starts). */
        public boolean firstOfMatter() {
            return matter.keyTasks().get(0).requirements().get(0).id() == requirement.id();
        }

        public boolean firstOfKeyTask() {
            return keyTask.requirements().get(0).id() == requirement.id();
        }

        public int matterSpan() {
            return matter.keyTasks().stream().mapToInt(k -> k.requirements().size()).sum();
        }

        public int keyTaskSpan() {
            return keyTask.requirements().size();
        }
    }
}
