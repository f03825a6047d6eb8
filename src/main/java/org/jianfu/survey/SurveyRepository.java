package org.jianfu.survey;

import static org.jianfu.platform.SqlTimestamps.instant;
import static org.jianfu.platform.SqlTimestamps.utc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the waves, their questions, the schools' links, the unused codes' hashes and the settings. */
@Repository
class SurveyRepository {

    private final JdbcClient jdbc;

    SurveyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The settings: the smallest group shown, and the comparison with the inspection register. */
    record Settings(int minGroupSize, BigDecimal inspectionHoursAtLeast, int registerItemsAtMost, int version) {
    }

    Settings settings() {
        return jdbc.sql("select * from survey_settings where id = 1").query((rs, n) -> new Settings(rs.getInt("min_group_size"),
                rs.getBigDecimal("inspection_hours_at_least"), rs.getInt("register_items_at_most"), rs.getInt("version"))).single();
    }

    boolean updateSettings(int version, int minGroupSize, BigDecimal hours, int items) {
        return jdbc.sql("""
                update survey_settings set min_group_size = ?, inspection_hours_at_least = ?, register_items_at_most = ?,
                    version = version + 1 where id = 1 and version = ?""").params(minGroupSize, hours, items, version).update() == 1;
    }

    long insertWave(String name, int year, Instant now, String by) {
        var id = jdbc.sql("insert into survey_wave (name, year, created_at, created_by) values (?, ?, ?, ?) returning id")
                .params(name, year, utc(now), by).query(Long.class).single();
        jdbc.sql("""
                insert into survey_question (wave_id, position, code, kind, work, demand, label)
                select ?, position, code, kind, work, demand, label from survey_default_question order by position""").param(id).update();
        return id;
    }

    Optional<SurveyWave> wave(long id) {
        return jdbc.sql("select * from survey_wave where id = ?").param(id).query(SurveyRepository::wave).optional();
    }

    List<SurveyWave> waves() {
        return jdbc.sql("select * from survey_wave order by year desc, id desc").query(SurveyRepository::wave).list();
    }

    boolean setState(long id, int version, SurveyWave.State from, SurveyWave.State to) {
        return jdbc.sql("update survey_wave set state = ?, version = version + 1 where id = ? and version = ? and state = ?")
                .params(to.name(), id, version, from.name()).update() == 1;
    }

    List<SurveyQuestion> questions(long waveId) {
        return jdbc.sql("select * from survey_question where wave_id = ? order by position, id").param(waveId)
                .query(SurveyRepository::question).list();
    }

    /** The questions of these waves, for results over waves. */
    List<SurveyQuestion> questions(List<Long> waveIds) {
        return jdbc.sql("select * from survey_question where wave_id = any(?) order by wave_id, position, id")
                .param(waveIds.toArray(Long[]::new)).query(SurveyRepository::question).list();
    }

    long insertQuestion(long waveId, String code, SurveyQuestion.Kind kind, SurveyQuestion.Work work, SurveyQuestion.Demand demand,
            String label) {
        return jdbc.sql("""
                insert into survey_question (wave_id, position, code, kind, work, demand, label)
                values (:wave, (select coalesce(max(position), 0) + 1 from survey_question where wave_id = :wave), :code, :kind, :work,
                        :demand, :label) returning id""")
                .param("wave", waveId).param("code", code).param("kind", kind.name()).param("work", work == null ? null : work.name())
                .param("demand", demand == null ? null : demand.name()).param("label", label).query(Long.class).single();
    }

    int deleteQuestion(long waveId, long questionId) {
        return jdbc.sql("delete from survey_question where wave_id = ? and id = ?").params(waveId, questionId).update();
    }

    /** A link for each of these schools that has none yet in this wave, each with a token of its own: one statement. */
    void linkSchools(long waveId, List<Long> schoolIds, java.util.function.Supplier<String> tokens) {
        var tokenList = schoolIds.stream().map(id -> tokens.get()).toArray(String[]::new);
        jdbc.sql("""
                insert into survey_school (wave_id, school_id, token)
                select ?, s, t from unnest(?::bigint[], ?::text[]) as x(s, t) on conflict do nothing""")
                .params(waveId, schoolIds.toArray(Long[]::new), tokenList).update();
    }

    void linkSchool(long waveId, long schoolId, String token) {
        jdbc.sql("insert into survey_school (wave_id, school_id, token) values (?, ?, ?) on conflict do nothing")
                .params(waveId, schoolId, token).update();
    }

    Optional<SchoolLink> link(long waveId, long schoolId) {
        return jdbc.sql("""
                select s.*, (select count(*) from survey_code c where c.wave_id = s.wave_id and c.school_id = s.school_id) as unused
                from survey_school s where wave_id = ? and school_id = ?""").params(waveId, schoolId).query(SurveyRepository::link)
                .optional();
    }

    Optional<SchoolLink> linkByToken(String token) {
        return jdbc.sql("select s.*, 0 as unused from survey_school s where token = ?").param(token).query(SurveyRepository::link)
                .optional();
    }

    /** The links of these schools in a wave, by school. */
    java.util.Map<Long, SchoolLink> links(long waveId, List<Long> schoolIds) {
        var links = new java.util.HashMap<Long, SchoolLink>();
        jdbc.sql("""
                select s.*, (select count(*) from survey_code c where c.wave_id = s.wave_id and c.school_id = s.school_id) as unused
                from survey_school s where wave_id = ? and school_id = any(?)""").params(waveId, schoolIds.toArray(Long[]::new))
                .query(SurveyRepository::link).list().forEach(l -> links.put(l.schoolId(), l));
        return links;
    }

    /** Keeps the hashes of new codes of a school and counts them as handed out. */
    void insertCodes(long waveId, long schoolId, List<byte[]> hashes) {
        jdbc.sql("insert into survey_code (code_hash, wave_id, school_id) select h, ?, ? from unnest(?::bytea[]) h")
                .params(waveId, schoolId, hashes.toArray(byte[][]::new)).update();
        jdbc.sql("update survey_school set codes_issued = codes_issued + ? where wave_id = ? and school_id = ?")
                .params(hashes.size(), waveId, schoolId).update();
    }

    private static SurveyWave wave(ResultSet rs, int n) throws SQLException {
        return new SurveyWave(rs.getLong("id"), rs.getString("name"), rs.getInt("year"), SurveyWave.State.valueOf(rs.getString("state")),
                instant(rs, "created_at"), rs.getString("created_by"), rs.getInt("version"));
    }

    private static SurveyQuestion question(ResultSet rs, int n) throws SQLException {
        var work = rs.getString("work");
        var demand = rs.getString("demand");
        return new SurveyQuestion(rs.getLong("id"), rs.getLong("wave_id"), rs.getInt("position"), rs.getString("code"),
                SurveyQuestion.Kind.valueOf(rs.getString("kind")), work == null ? null : SurveyQuestion.Work.valueOf(work),
                demand == null ? null : SurveyQuestion.Demand.valueOf(demand), rs.getString("label"));
    }

    private static SchoolLink link(ResultSet rs, int n) throws SQLException {
        return new SchoolLink(rs.getLong("wave_id"), rs.getLong("school_id"), rs.getString("token"), rs.getInt("codes_issued"),
                rs.getLong("unused"));
    }
}
