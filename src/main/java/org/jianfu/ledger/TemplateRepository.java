package org.jianfu.ledger;

import static org.jianfu.platform.SqlTimestamps.utc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TemplateRepository {

    private final JdbcClient jdbc;

    TemplateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(int year) {
        return jdbc.sql("select exists(select 1 from ledger_template where year = ?)").param(year)
                .query(Boolean.class).single();
    }

    List<TemplateSummary> list() {
        return jdbc.sql("""
                select t.id, t.year, t.title, t.version, (select count(*) from template_requirement r where r.template_id = t.id)
                from ledger_template t order by t.year desc, t.version desc""")
                .query((rs, n) -> new TemplateSummary(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getInt(4), rs.getInt(5)))
                .list();
    }

    long insertTemplate(int year, String title, int version, Instant now) {
        return jdbc.sql("insert into ledger_template (year, title, version, created_at) values (?, ?, ?, ?) returning id")
                .params(year, title, version, utc(now))
                .query(Long.class).single();
    }

    long insertMatter(long templateId, int position, String name) {
        return jdbc.sql("insert into template_matter (template_id, position, name) values (?, ?, ?) returning id")
                .params(templateId, position, name).query(Long.class).single();
    }

    long insertKeyTask(long matterId, int position, String name) {
        return jdbc.sql("insert into template_key_task (matter_id, position, name) values (?, ?, ?) returning id")
                .params(matterId, position, name).query(Long.class).single();
    }

    void insertRequirement(long templateId, long keyTaskId, int number, String text) {
        jdbc.sql("insert into template_requirement (template_id, key_task_id, number, text) values (?, ?, ?, ?)")
                .params(templateId, keyTaskId, number, text).update();
    }

    Optional<LedgerTemplate> find(long id) {
        var header = jdbc.sql("select id, year, title, version from ledger_template where id = ?").param(id)
                .query((rs, n) -> new Object[] { rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getInt(4) })
                .optional();
        if (header.isEmpty()) {
            return Optional.empty();
        }
        record Flat(long matterId, int matterPosition, String matter, long taskId, int taskPosition, String task,
                long requirementId, int number, String text) {
        }
        var flat = jdbc.sql("""
                select m.id, m.position, m.name, k.id, k.position, k.name, r.id, r.number, r.text
                from template_requirement r
                join template_key_task k on k.id = r.key_task_id
                join template_matter m on m.id = k.matter_id
                where r.template_id = ? order by r.number""")
                .param(id)
                .query((rs, n) -> new Flat(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getLong(4), rs.getInt(5),
                        rs.getString(6), rs.getLong(7), rs.getInt(8), rs.getString(9)))
                .list();
        Map<Long, List<Flat>> byMatter = new LinkedHashMap<>();
        flat.forEach(f -> byMatter.computeIfAbsent(f.matterId(), k -> new ArrayList<>()).add(f));
        var matters = new ArrayList<LedgerTemplate.Matter>();
        for (var rows : byMatter.values()) {
            Map<Long, List<Flat>> byTask = new LinkedHashMap<>();
            rows.forEach(f -> byTask.computeIfAbsent(f.taskId(), k -> new ArrayList<>()).add(f));
            var tasks = byTask.values().stream().map(t -> new LedgerTemplate.KeyTask(t.get(0).taskId(), t.get(0).taskPosition(),
                    t.get(0).task(), t.stream().map(r -> new LedgerTemplate.Requirement(r.requirementId(), r.number(), r.text())).toList()))
                    .toList();
            matters.add(new LedgerTemplate.Matter(rows.get(0).matterId(), rows.get(0).matterPosition(), rows.get(0).matter(), tasks));
        }
        var h = header.get();
        return Optional.of(new LedgerTemplate((Long) h[0], (Integer) h[1], (String) h[2], (Integer) h[3], matters));
    }

    boolean usedByRound(long templateId) {
        return jdbc.sql("select exists(select 1 from ledger_round where template_id = ?)").param(templateId)
                .query(Boolean.class).single();
    }

    int nextVersion(int year) {
        return jdbc.sql("select coalesce(max(version), 0) + 1 from ledger_template where year = ?").param(year)
                .query(Integer.class).single();
    }

    void markBasedOn(long templateId, long basedOnId) {
        jdbc.sql("update ledger_template set based_on_id = ? where id = ?").params(basedOnId, templateId).update();
    }

    void updateRequirementText(long templateId, long requirementId, String text) {
        jdbc.sql("update template_requirement set text = ? where id = ? and template_id = ?")
                .params(text, requirementId, templateId).update();
    }

    void deleteRequirement(long templateId, long requirementId) {
        jdbc.sql("delete from template_requirement where id = ? and template_id = ?").params(requirementId, templateId).update();
    }

    /** Adds a requirement with a number past all others; {@link #renumber} then puts it in place. */
    void appendRequirement(long templateId, long keyTaskId, String text) {
        jdbc.sql("""
                insert into template_requirement (template_id, key_task_id, number, text)
                values (?, ?, (select coalesce(max(number), 0) + 1000 from template_requirement where template_id = ?), ?)""")
                .params(templateId, keyTaskId, templateId, text).update();
    }

    void setNumber(long requirementId, int number) {
        jdbc.sql("update template_requirement set number = ? where id = ?").params(number, requirementId).update();
    }

    /** Numbers the requirements 1..n in the given order (in two passes, so the unique index never trips). */
    void renumber(long templateId, java.util.List<Long> requirementIdsInOrder) {
        jdbc.sql("update template_requirement set number = -number - 100000 where template_id = ?").param(templateId).update();
        int n = 0;
        for (var id : requirementIdsInOrder) {
            setNumber(id, ++n);
        }
    }

    record TemplateSummary(long id, int year, String title, int version, int requirements) {
    }
}
