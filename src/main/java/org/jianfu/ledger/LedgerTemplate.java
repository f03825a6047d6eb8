package org.jianfu.ledger;

import java.util.List;

/** A version of the ledger's structure: matters, their key tasks, and the numbered requirements. */
public record LedgerTemplate(long id, int year, String title, int version, List<Matter> matters) {

    public record Matter(long id, int position, String name, List<KeyTask> keyTasks) {
    }

    public record KeyTask(long id, int position, String name, List<Requirement> requirements) {
    }

    public record Requirement(long id, int number, String text) {
    }

    /** All requirements in number order. */
    public List<Requirement> requirements() {
        return matters.stream().flatMap(m -> m.keyTasks().stream()).flatMap(k -> k.requirements().stream()).toList();
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
