package org.jianfu.inspection;

import static org.jianfu.platform.SqlTimestamps.instant;
import static org.jianfu.platform.SqlTimestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for rule sets, their rules, and the school terms. */
@Repository
class RuleRepository {

    private final JdbcClient jdbc;

    RuleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<RuleSet> ruleSets() {
        return jdbc.sql("select * from inspection_rule_set order by first_year, id").query(RuleRepository::mapSet).list();
    }

    Optional<RuleSet> ruleSet(long id) {
        return jdbc.sql("select * from inspection_rule_set where id = ?").param(id).query(RuleRepository::mapSet).optional();
    }

    long insertSet(String name, String source, int firstYear, Integer lastYear, String by, Instant now) {
        return jdbc.sql("""
                insert into inspection_rule_set (name, source_document, first_year, last_year, created_by_name, created_at)
                values (?, ?, ?, ?, ?, ?) returning id""")
                .params(name, source, firstYear, lastYear, by, utc(now)).query(Long.class).single();
    }

    boolean updateYears(long id, int expectedVersion, int firstYear, Integer lastYear) {
        return jdbc.sql("update inspection_rule_set set first_year = ?, last_year = ?, version = version + 1 where id = ? and version = ?")
                .params(firstYear, lastYear, id, expectedVersion).update() == 1;
    }

    /** Every rule, with its set. */
    List<Rule> rules() {
        return jdbc.sql(RULES + " order by r.rule_set_id, r.id").query(RuleRepository::mapRule).list();
    }

    /** The rules of the sets that apply to a year. */
    List<Rule> rulesFor(int year) {
        return jdbc.sql(RULES + " where s.first_year <= ? and (s.last_year is null or s.last_year >= ?) order by r.id")
                .params(year, year).query(RuleRepository::mapRule).list();
    }

    Optional<Rule> rule(long id) {
        return jdbc.sql(RULES + " where r.id = ?").param(id).query(RuleRepository::mapRule).optional();
    }

    private static final String RULES = """
            select r.*, s.name as set_name, s.source_document from inspection_rule r
            join inspection_rule_set s on s.id = r.rule_set_id""";

    long insertRule(long setId, Rule r) {
        return jdbc.sql("""
                insert into inspection_rule (rule_set_id, kind, requirement_code, categories, levels, period, period_years,
                    max_count, min_days, similarity, blocking, description)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(setId, r.kind().name(), r.requirementCode(), r.categories().stream().map(Enum::name).sorted().toArray(String[]::new),
                        r.levels().stream().map(Enum::name).sorted().toArray(String[]::new), r.period() == null ? null : r.period().name(),
                        r.periodYears(), r.maxCount(), r.minDays(), r.similarity(), r.blocking(), r.description())
                .query(Long.class).single();
    }

    void deleteRule(long id) {
        jdbc.sql("delete from inspection_rule where id = ?").param(id).update();
    }

    private static RuleSet mapSet(ResultSet rs, int n) throws SQLException {
        return new RuleSet(rs.getLong("id"), rs.getString("name"), rs.getString("source_document"), rs.getInt("first_year"),
                rs.getObject("last_year", Integer.class), rs.getString("created_by_name"), instant(rs, "created_at"), rs.getInt("version"));
    }

    private static Rule mapRule(ResultSet rs, int n) throws SQLException {
        var categories = EnumSet.noneOf(InspectionCategory.class);
        Arrays.stream((String[]) rs.getArray("categories").getArray()).map(InspectionCategory::valueOf).forEach(categories::add);
        var levels = EnumSet.noneOf(InspectionLevel.class);
        Arrays.stream((String[]) rs.getArray("levels").getArray()).map(InspectionLevel::valueOf).forEach(levels::add);
        var period = rs.getString("period");
        return new Rule(rs.getLong("id"), rs.getLong("rule_set_id"), rs.getString("set_name"), rs.getString("source_document"),
                RuleKind.valueOf(rs.getString("kind")), rs.getString("requirement_code"), categories, levels,
                period == null ? null : RulePeriod.valueOf(period), rs.getObject("period_years", Integer.class),
                rs.getObject("max_count", Integer.class), rs.getObject("min_days", Integer.class), rs.getBigDecimal("similarity"),
                rs.getBoolean("blocking"), rs.getString("description"));
    }

    // --- terms

    List<Term> terms() {
        return jdbc.sql("select * from inspection_term order by starts_on").query((rs, n) -> new Term(rs.getLong("id"), rs.getString("name"),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class))).list();
    }

    long insertTerm(String name, LocalDate startsOn, LocalDate endsOn) {
        return jdbc.sql("insert into inspection_term (name, starts_on, ends_on) values (?, ?, ?) returning id")
                .params(name, startsOn, endsOn).query(Long.class).single();
    }

    boolean overlapsTerm(LocalDate startsOn, LocalDate endsOn) {
        return jdbc.sql("select exists (select 1 from inspection_term where starts_on <= ? and ends_on >= ?)")
                .params(endsOn, startsOn).query(Boolean.class).single();
    }

    /** A rule set: a policy document and the years its rules apply to. */
    record RuleSet(long id, String name, String sourceDocument, int firstYear, Integer lastYear, String createdBy, Instant createdAt,
            int version) {
    }
}
