package org.jianfu.whitelist;

import static org.jianfu.platform.SqlTimestamps.instant;
import static org.jianfu.platform.SqlTimestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jianfu.unit.SchoolStage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for applications, the schools they name, the caps and hosted activities: the tables this module owns. */
@Repository
class WhitelistRepository {

    private final JdbcClient jdbc;

    WhitelistRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- applications

    long insert(long applicantUnitId, long reviewingUnitId, Level level, ApplicationForm form, ApplicationState state,
            String reason, String actor, Instant now) {
        var id = jdbc.sql("""
                insert into whitelist_application (applicant_unit_id, reviewing_unit_id, level, year, activity_name, lead_unit,
                    category, content, forms, place, scope_stages, scope_grades, starts_on, ends_on, frequency, basis,
                    teacher_tasks, teacher_hours, asks_writing, asks_street_duty, asks_proof_photos, takes_class_time,
                    state, review_reason, submitted_at, submitted_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(applicantUnitId, reviewingUnitId, level.name(), form.year(), form.activityName().strip(),
                        form.leadUnit().strip(), form.category().name(), form.content().strip(), join(form.formsOrEmpty()),
                        form.place().strip(), join(form.stagesOrEmpty()), blankToNull(form.grades()), form.startsOn(),
                        form.endsOn(), form.frequency().strip(), form.basis().strip(), blankToNull(form.teacherTasks()),
                        form.teacherHours(), form.asksWriting(), form.asksStreetDuty(), form.asksProofPhotos(),
                        form.takesClassTime(), state.name(), reason, utc(now), actor)
                .query(Long.class).single();
        insertSchools(id, form.schoolIdsOrEmpty());
        return id;
    }

    /** Replaces a returned application's fields and submits it again; false when the version is stale. */
    boolean resubmit(long id, int expectedVersion, ApplicationForm form, ApplicationState state, String reason, String actor,
            Instant now) {
        var updated = jdbc.sql("""
                update whitelist_application set year = ?, activity_name = ?, lead_unit = ?, category = ?, content = ?,
                    forms = ?, place = ?, scope_stages = ?, scope_grades = ?, starts_on = ?, ends_on = ?, frequency = ?,
                    basis = ?, teacher_tasks = ?, teacher_hours = ?, asks_writing = ?, asks_street_duty = ?,
                    asks_proof_photos = ?, takes_class_time = ?, state = ?, review_reason = ?, reviewed_at = null,
                    reviewed_by = null, submitted_at = ?, submitted_by = ?, version = version + 1
                where id = ? and version = ? and state = 'RETURNED'""")
                .params(form.year(), form.activityName().strip(), form.leadUnit().strip(), form.category().name(),
                        form.content().strip(), join(form.formsOrEmpty()), form.place().strip(), join(form.stagesOrEmpty()),
                        blankToNull(form.grades()), form.startsOn(), form.endsOn(), form.frequency().strip(),
                        form.basis().strip(), blankToNull(form.teacherTasks()), form.teacherHours(), form.asksWriting(),
                        form.asksStreetDuty(), form.asksProofPhotos(), form.takesClassTime(), state.name(), reason,
                        utc(now), actor, id, expectedVersion)
                .update() == 1;
        if (updated) {
            jdbc.sql("delete from whitelist_application_school where application_id = ?").param(id).update();
            insertSchools(id, form.schoolIdsOrEmpty());
        }
        return updated;
    }

    private void insertSchools(long applicationId, List<Long> schoolIds) {
        for (var schoolId : schoolIds) {
            jdbc.sql("insert into whitelist_application_school (application_id, school_id) values (?, ?)")
                    .params(applicationId, schoolId).update();
        }
    }

    /** Records a review decision; false when the version is stale or the application no longer waits. */
    boolean review(long id, int expectedVersion, ApplicationState to, String reason, String code, String actor, Instant now) {
        return jdbc.sql("""
                update whitelist_application set state = ?, review_reason = ?, verification_code = ?, reviewed_at = ?,
                    reviewed_by = ?, version = version + 1
                where id = ? and version = ? and state = 'SUBMITTED'""")
                .params(to.name(), reason, code, utc(now), actor, id, expectedVersion).update() == 1;
    }

    boolean codeTaken(String code) {
        return jdbc.sql("select exists (select 1 from whitelist_application where verification_code = ?)").param(code)
                .query(Boolean.class).single();
    }

    Optional<WhitelistApplication> find(long id) {
        return withSchools(jdbc.sql("select * from whitelist_application where id = ?").param(id)
                .query(WhitelistRepository::map).list()).stream().findFirst();
    }

    /** An approved item found by code, with the {@link PublicPageVersion} its data were read at. */
    record Approved(WhitelistApplication item, long version) {
    }

    /**
     * The approved item with this code, its schools and the public page version, in one statement: one round
     * trip for the verification page, and the version is the one of the very data read (one snapshot).
     */
    Optional<Approved> findApprovedByCode(String code) {
        return jdbc.sql("""
                select a.*, array(select s.school_id from whitelist_application_school s
                                  where s.application_id = a.id order by s.school_id) as school_ids,
                       (select v.version from public_page_version v where v.id = 1) as page_version
                from whitelist_application a where a.verification_code = ? and a.state = 'APPROVED'""")
                .param(code)
                .query((rs, n) -> new Approved(withSchoolIds(map(rs, n), Arrays.asList((Long[]) rs.getArray("school_ids").getArray())),
                        rs.getLong("page_version")))
                .optional();
    }

    /**
     * Which applications a list shows. {@code scope} holds the ids of the reader's unit and every unit below it, null for
     * the whole city (the root's subtree is every unit: no ids to pass); {@code waitingFor}, when set, keeps the
     * applications that person may review or correct now.
     */
    record ApplicationFilter(List<Long> scope, Long reviewingUnitId, Integer year, ApplicationState state, Category category,
            Waiting waitingFor) {
    }

    /** Who waits: the unit and whether its role reviews and applies (as {@link Whitelist#reviewableBy} and {@code editableBy}). */
    record Waiting(long unitId, boolean reviews, boolean applies) {
    }

    /** A page of the applications the filter keeps, newest first. */
    List<WhitelistApplication> applications(ApplicationFilter filter, int offset, int limit) {
        var params = new HashMap<String, Object>();
        var where = applicationsWhere(filter, true, params);
        params.put("limit", limit);
        params.put("offset", offset);
        return withSchools(jdbc.sql("select a.* from whitelist_application a" + where
                        + " order by a.submitted_at desc, a.id desc limit :limit offset :offset")
                .params(params).query(WhitelistRepository::map).list());
    }

    /** How many applications the filter keeps in each state, the state filter aside: the list's summary and its total. */
    Map<ApplicationState, Long> applicationsByState(ApplicationFilter filter) {
        var params = new HashMap<String, Object>();
        var counts = new EnumMap<ApplicationState, Long>(ApplicationState.class);
        jdbc.sql("select a.state, count(*) as n from whitelist_application a" + applicationsWhere(filter, false, params)
                        + " group by a.state")
                .params(params).query(rs -> {
                    counts.put(ApplicationState.valueOf(rs.getString("state")), rs.getLong("n"));
                });
        return counts;
    }

    /** The where clause of a filter: only the conditions it sets, so that each query is planned for what it asks. */
    private static String applicationsWhere(ApplicationFilter f, boolean withState, Map<String, Object> params) {
        var where = new ArrayList<String>();
        if (f.scope() != null) {
            where.add("(a.applicant_unit_id = any(:scope) or a.reviewing_unit_id = any(:scope))");
            params.put("scope", f.scope().toArray(Long[]::new));
        }
        if (f.reviewingUnitId() != null) {
            where.add("a.reviewing_unit_id = :reviewer");
            params.put("reviewer", f.reviewingUnitId());
        }
        if (f.year() != null) {
            where.add("a.year = :year");
            params.put("year", f.year());
        }
        if (withState && f.state() != null) {
            where.add("a.state = :state");
            params.put("state", f.state().name());
        }
        if (f.category() != null) {
            where.add("a.category = :category");
            params.put("category", f.category().name());
        }
        if (f.waitingFor() != null) {
            var w = f.waitingFor();
            var either = new ArrayList<String>();
            if (w.reviews()) {
                either.add("(a.state = 'SUBMITTED' and a.reviewing_unit_id = :me)");
            }
            if (w.applies()) {
                either.add("(a.state = 'RETURNED' and a.applicant_unit_id = :me)");
            }
            where.add(either.isEmpty() ? "false" : "(" + String.join(" or ", either) + ")");
            params.put("me", w.unitId());
        }
        return where.isEmpty() ? "" : " where " + String.join(" and ", where);
    }

    /** What the public list and search keep of the listed items: each condition only when set. */
    record PublishedFilter(Level level, Integer year, Category category, String nameContains) {
    }

    /** A page of the published whitelist, filtered, the newest year first and city items before district ones. */
    List<WhitelistApplication> published(PublishedFilter filter, int offset, int limit) {
        var params = new HashMap<String, Object>();
        params.put("limit", limit);
        params.put("offset", offset);
        return withSchools(jdbc.sql("select * from whitelist_application a" + publishedWhere(filter, params)
                        + " order by a.year desc, a.level, a.starts_on, a.id limit :limit offset :offset")
                .params(params).query(WhitelistRepository::map).list());
    }

    /** How many listed items the filter keeps, counted up to {@code limit} when one is given. */
    long publishedCount(PublishedFilter filter, Integer limit) {
        var params = new HashMap<String, Object>();
        var where = publishedWhere(filter, params);
        if (limit == null) {
            return jdbc.sql("select count(*) from whitelist_application a" + where).params(params).query(Long.class).single();
        }
        params.put("limit", limit);
        return jdbc.sql("select count(*) from (select 1 from whitelist_application a" + where + " limit :limit) found").params(params)
                .query(Long.class).single();
    }

    private static String publishedWhere(PublishedFilter f, Map<String, Object> params) {
        var where = new StringBuilder(" where a.state = 'APPROVED'");
        if (f.level() != null) {
            where.append(" and a.level = :level");
            params.put("level", f.level().name());
        }
        if (f.year() != null) {
            where.append(" and a.year = :year");
            params.put("year", f.year());
        }
        if (f.category() != null) {
            where.append(" and a.category = :category");
            params.put("category", f.category().name());
        }
        if (f.nameContains() != null) {
            where.append(" and strpos(lower(a.activity_name), lower(:name)) > 0");
            params.put("name", f.nameContains());
        }
        return where.toString();
    }

    /** Approved items reviewed by one unit in a year. */
    int approvedCount(int year, long reviewingUnitId) {
        return jdbc.sql("select count(*) from whitelist_application where state = 'APPROVED' and year = ? and reviewing_unit_id = ?")
                .params(year, reviewingUnitId).query(Integer.class).single();
    }

    /** Approved items whose time window overlaps the days from {@code first} to {@code last}. */
    List<WhitelistApplication> approvedOverlapping(LocalDate first, LocalDate last) {
        return withSchools(jdbc.sql("""
                select * from whitelist_application where state = 'APPROVED' and starts_on <= ? and ends_on >= ?""")
                .params(last, first).query(WhitelistRepository::map).list());
    }

    /** Approved district items of a year, counted per reviewing district. */
    Map<Long, Integer> approvedDistrictCounts(int year) {
        var counts = new HashMap<Long, Integer>();
        jdbc.sql("""
                select reviewing_unit_id, count(*) as n from whitelist_application
                where state = 'APPROVED' and year = ? and level = 'DISTRICT' group by reviewing_unit_id""")
                .param(year).query((rs, n) -> counts.put(rs.getLong("reviewing_unit_id"), rs.getInt("n"))).list();
        return counts;
    }

    /**
     * The applications each of these districts reviewed or received in a year, counted by category, state and banned
     * demand, by district: one query for them all.
     */
    Map<Long, List<Tally>> tally(Collection<Long> reviewingUnitIds, int year) {
        var tallies = new HashMap<Long, List<Tally>>();
        jdbc.sql("""
                select reviewing_unit_id, category, state, asks_writing, asks_street_duty, asks_proof_photos, takes_class_time,
                    count(*) as n
                from whitelist_application where reviewing_unit_id = any(?) and year = ?
                group by reviewing_unit_id, category, state, asks_writing, asks_street_duty, asks_proof_photos, takes_class_time""")
                .params(reviewingUnitIds.toArray(Long[]::new), year)
                .query(rs -> {
                    tallies.computeIfAbsent(rs.getLong("reviewing_unit_id"), id -> new ArrayList<>())
                            .add(new Tally(Category.valueOf(rs.getString("category")), ApplicationState.valueOf(rs.getString("state")),
                                    demands(rs), rs.getInt("n")));
                });
        return tallies;
    }

    record Tally(Category category, ApplicationState state, Set<BannedDemand> bannedDemands, int count) {
    }

    private List<WhitelistApplication> withSchools(List<WhitelistApplication> applications) {
        if (applications.isEmpty()) {
            return applications;
        }
        var ids = applications.stream().map(WhitelistApplication::id).toList();
        Map<Long, List<Long>> schools = jdbc.sql("""
                select application_id, school_id from whitelist_application_school
                where application_id in (:ids) order by school_id""")
                .param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getLong("application_id"), rs.getLong("school_id"))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return applications.stream()
                .map(a -> schools.containsKey(a.id()) ? withSchoolIds(a, schools.get(a.id())) : a)
                .toList();
    }

    private static WhitelistApplication withSchoolIds(WhitelistApplication a, List<Long> schoolIds) {
        return new WhitelistApplication(a.id(), a.applicantUnitId(), a.reviewingUnitId(), a.level(), a.year(),
                a.activityName(), a.leadUnit(), a.category(), a.content(), a.forms(), a.place(), a.stages(), a.grades(),
                List.copyOf(schoolIds), a.startsOn(), a.endsOn(), a.frequency(), a.basis(), a.teacherTasks(),
                a.teacherHours(), a.bannedDemands(), a.state(), a.reviewReason(), a.reviewedAt(), a.reviewedBy(),
                a.verificationCode(), a.submittedAt(), a.submittedBy(), a.version());
    }

    private static WhitelistApplication map(ResultSet rs, int n) throws SQLException {
        return new WhitelistApplication(rs.getLong("id"), rs.getLong("applicant_unit_id"), rs.getLong("reviewing_unit_id"),
                Level.valueOf(rs.getString("level")), rs.getInt("year"), rs.getString("activity_name"),
                rs.getString("lead_unit"), Category.valueOf(rs.getString("category")), rs.getString("content"),
                split(rs.getString("forms"), ActivityForm.class), rs.getString("place"),
                split(rs.getString("scope_stages"), SchoolStage.class), rs.getString("scope_grades"), List.of(),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                rs.getString("frequency"), rs.getString("basis"), rs.getString("teacher_tasks"), rs.getInt("teacher_hours"),
                demands(rs), ApplicationState.valueOf(rs.getString("state")), rs.getString("review_reason"),
                instant(rs, "reviewed_at"), rs.getString("reviewed_by"), rs.getString("verification_code"),
                instant(rs, "submitted_at"), rs.getString("submitted_by"), rs.getInt("version"));
    }

    private static Set<BannedDemand> demands(ResultSet rs) throws SQLException {
        var yes = EnumSet.noneOf(BannedDemand.class);
        for (var demand : BannedDemand.values()) {
            if (rs.getBoolean(column(demand))) {
                yes.add(demand);
            }
        }
        return yes;
    }

    private static String column(BannedDemand demand) {
        return switch (demand) {
            case WRITING -> "asks_writing";
            case STREET_DUTY -> "asks_street_duty";
            case PROOF_PHOTOS -> "asks_proof_photos";
            case CLASS_TIME -> "takes_class_time";
        };
    }

    // --- caps

    Caps caps() {
        return jdbc.sql("select * from whitelist_settings where id = 1")
                .query((rs, n) -> new Caps(rs.getInt("yearly_total_cap"), rs.getInt("school_semester_cap"),
                        instant(rs, "updated_at"), rs.getString("updated_by"), rs.getInt("version")))
                .single();
    }

    boolean updateCaps(int expectedVersion, int yearlyTotal, int schoolSemester, String actor, Instant now) {
        return jdbc.sql("""
                update whitelist_settings set yearly_total_cap = ?, school_semester_cap = ?, updated_at = ?, updated_by = ?,
                    version = version + 1
                where id = 1 and version = ?""")
                .params(yearlyTotal, schoolSemester, utc(now), actor, expectedVersion).update() == 1;
    }

    // --- hosted activities

    long insertHosted(long applicationId, long schoolId, LocalDate day, String actor, Instant now) {
        return jdbc.sql("""
                insert into whitelist_hosted (application_id, school_id, hosted_on, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?) returning id""")
                .params(applicationId, schoolId, day, actor, utc(now)).query(Long.class).single();
    }

    boolean hostedExists(long applicationId, long schoolId, LocalDate day) {
        return jdbc.sql("""
                select exists (select 1 from whitelist_hosted where application_id = ? and school_id = ? and hosted_on = ?)""")
                .params(applicationId, schoolId, day).query(Boolean.class).single();
    }

    /** Distinct listed activities a school hosted between two days. */
    int hostedActivities(long schoolId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select count(distinct application_id) from whitelist_hosted
                where school_id = ? and hosted_on between ? and ?""")
                .params(schoolId, from, to).query(Integer.class).single();
    }

    boolean hostedActivity(long schoolId, long applicationId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select exists (select 1 from whitelist_hosted
                where school_id = ? and application_id = ? and hosted_on between ? and ?)""")
                .params(schoolId, applicationId, from, to).query(Boolean.class).single();
    }

    /**
     * Approved activities that name the school, whose window covers the day, and that the school has not
     * recorded as hosted: the activities it has to confirm. Shared by its list and the count on every page.
     */
    static final String TO_CONFIRM = """
            from whitelist_application_school s join whitelist_application a on a.id = s.application_id
            where s.school_id = :unit and a.state = 'APPROVED' and a.starts_on <= :today and a.ends_on >= :today
              and not exists (select 1 from whitelist_hosted h where h.school_id = :unit and h.application_id = a.id)""";

    List<WhitelistApplication> toConfirm(long schoolId, LocalDate today) {
        return withSchools(jdbc.sql("select a.* " + TO_CONFIRM + " order by a.ends_on, a.id")
                .param("unit", schoolId).param("today", today).query(WhitelistRepository::map).list());
    }

    List<Hosted> hostedBy(long schoolId) {
        return jdbc.sql("""
                select h.id, h.application_id, a.activity_name, a.verification_code, h.hosted_on, h.recorded_by
                from whitelist_hosted h join whitelist_application a on a.id = h.application_id
                where h.school_id = ? order by h.hosted_on desc, h.id desc""")
                .param(schoolId)
                .query((rs, n) -> new Hosted(rs.getLong("id"), rs.getLong("application_id"), rs.getString("activity_name"),
                        rs.getString("verification_code"), rs.getObject("hosted_on", LocalDate.class), rs.getString("recorded_by")))
                .list();
    }

    record Hosted(long id, long applicationId, String activityName, String code, LocalDate hostedOn, String recordedBy) {
        public String displayCode() {
            return code.substring(0, 4) + "-" + code.substring(4);
        }
    }

    // --- helpers

    private static String join(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static <E extends Enum<E>> Set<E> split(String joined, Class<E> type) {
        var values = EnumSet.noneOf(type);
        if (joined != null && !joined.isBlank()) {
            Arrays.stream(joined.split(",")).map(v -> Enum.valueOf(type, v)).forEach(values::add);
        }
        return values;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
