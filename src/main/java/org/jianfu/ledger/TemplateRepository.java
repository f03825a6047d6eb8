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

    long insertRequirement(long templateId, long keyTaskId, int number, String code, String text, List<String> origins) {
        var id = jdbc.sql("""
                insert into template_requirement (template_id, key_task_id, number, code, text) values (?, ?, ?, ?, ?)
                returning id""")
                .params(templateId, keyTaskId, number, code, text).query(Long.class).single();
        addOrigins(id, origins);
        return id;
    }

    void addOrigins(long requirementId, java.util.Collection<String> origins) {
        for (var origin : origins) {
            jdbc.sql("insert into template_requirement_origin (requirement_id, origin_code) values (?, ?) on conflict do nothing")
                    .params(requirementId, origin).update();
        }
    }

    /**
     * A code no requirement has had yet, of the template's year: the year and the next free number
     * ("2022-01" for the first requirement added in a 2022 version).
     */
    String newCode(int year) {
        var next = jdbc.sql("""
                select coalesce(max(substring(code from 6)::int), 0) + 1 from (
                    select code from template_requirement union all select origin_code from template_requirement_origin) c
                where code like ? """)
                .param(year + "-%").query(Integer.class).single();
        return year + "-" + (next < 10 ? "0" + next : Integer.toString(next));
    }

    Optional<LedgerTemplate> find(long id) {
        var header = jdbc.sql("select id, year, title, version from ledger_template where id = ?").param(id)
                .query((rs, n) -> new Object[] { rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getInt(4) })
                .optional();
        if (header.isEmpty()) {
            return Optional.empty();
        }
        record Flat(long matterId, int matterPosition, String matter, long taskId, int taskPosition, String task,
                long requirementId, int number, String code, String text, String[] origins) {
        }
        var flat = jdbc.sql("""
                select m.id, m.position, m.name, k.id, k.position, k.name, r.id, r.number, r.code, r.text,
                       array(select o.origin_code from template_requirement_origin o where o.requirement_id = r.id
                             order by o.origin_code)
                from template_requirement r
                join template_key_task k on k.id = r.key_task_id
                join template_matter m on m.id = k.matter_id
                where r.template_id = ? order by r.number""")
                .param(id)
                .query((rs, n) -> new Flat(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getLong(4), rs.getInt(5),
                        rs.getString(6), rs.getLong(7), rs.getInt(8), rs.getString(9), rs.getString(10),
                        (String[]) rs.getArray(11).getArray()))
                .list();
        Map<Long, List<Flat>> byMatter = new LinkedHashMap<>();
        flat.forEach(f -> byMatter.computeIfAbsent(f.matterId(), k -> new ArrayList<>()).add(f));
        var matters = new ArrayList<LedgerTemplate.Matter>();
        for (var rows : byMatter.values()) {
            Map<Long, List<Flat>> byTask = new LinkedHashMap<>();
            rows.forEach(f -> byTask.computeIfAbsent(f.taskId(), k -> new ArrayList<>()).add(f));
            var tasks = byTask.values().stream().map(t -> new LedgerTemplate.KeyTask(t.get(0).taskId(), t.get(0).taskPosition(),
                    t.get(0).task(), t.stream().map(r -> new LedgerTemplate.Requirement(r.requirementId(), r.number(), r.code(),
                    r.text(), List.of(r.origins()))).toList()))
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
    long appendRequirement(long templateId, long keyTaskId, String code, String text) {
        return jdbc.sql("""
                insert into template_requirement (template_id, key_task_id, number, code, text)
                values (?, ?, (select coalesce(max(number), 0) + 1000 from template_requirement where template_id = ?), ?, ?)
                returning id""")
                .params(templateId, keyTaskId, templateId, code, text).query(Long.class).single();
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
