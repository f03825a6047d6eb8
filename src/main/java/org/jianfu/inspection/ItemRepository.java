package org.jianfu.inspection;

import static org.jianfu.platform.SqlTimestamps.instant;
import static org.jianfu.platform.SqlTimestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jianfu.unit.SchoolStage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for items, their windows, listed schools, consultations, steps and the plan filings. */
@Repository
class ItemRepository {

    private final JdbcClient jdbc;

    ItemRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(InspectionLevel level, long planUnitId, long organizerUnitId, ItemDraft d, long createdBy, String createdByName,
            Instant now) {
        var id = jdbc.sql("""
                insert into inspection_item (year, level, plan_unit_id, organizer_unit_id, name, basis, content, target_kind,
                    target_stages, method, participating_units, category, joint, implements_item_id, state, created_by,
                    created_by_name, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?) returning id""")
                .params(d.year(), level.name(), planUnitId, organizerUnitId, d.name(), d.basis(), d.content(), d.targetKind().name(),
                        stages(d), d.method(), d.participatingUnits(), d.category().name(), d.joint(), d.implementsItemId(),
                        createdBy, createdByName, utc(now))
                .query(Long.class).single();
        replaceDetails(id, d);
        return id;
    }

    boolean update(long id, int expectedVersion, ItemDraft d) {
        var changed = jdbc.sql("""
                update inspection_item set year = ?, name = ?, basis = ?, content = ?, target_kind = ?, target_stages = ?,
                    method = ?, participating_units = ?, category = ?, joint = ?, implements_item_id = ?, version = version + 1
                where id = ? and version = ? and state = 'DRAFT'""")
                .params(d.year(), d.name(), d.basis(), d.content(), d.targetKind().name(), stages(d), d.method(),
                        d.participatingUnits(), d.category().name(), d.joint(), d.implementsItemId(), id, expectedVersion)
                .update() == 1;
        if (changed) {
            replaceDetails(id, d);
        }
        return changed;
    }

    private static String[] stages(ItemDraft d) {
        return d.targetKind() == TargetKind.STAGES ? d.targetStages().stream().map(Enum::name).sorted().toArray(String[]::new)
                : new String[0];
    }

    private void replaceDetails(long id, ItemDraft d) {
        jdbc.sql("delete from inspection_item_window where item_id = ?").param(id).update();
        jdbc.sql("delete from inspection_item_school where item_id = ?").param(id).update();
        int position = 1;
        for (var w : d.windows()) {
            jdbc.sql("insert into inspection_item_window (item_id, position, starts_on, ends_on) values (?, ?, ?, ?)")
                    .params(id, position++, w.startsOn(), w.endsOn()).update();
        }
        if (d.targetKind() == TargetKind.LISTED_SCHOOLS) {
            for (var school : d.targetSchools().stream().distinct().toList()) {
                jdbc.sql("insert into inspection_item_school (item_id, school_id) values (?, ?)").params(id, school).update();
            }
        }
    }

    boolean move(long id, int expectedVersion, Collection<ItemState> from, ItemState to) {
        return jdbc.sql("update inspection_item set state = ?, version = version + 1 where id = ? and version = ? and state = any(?)")
                .params(to.name(), id, expectedVersion, from.stream().map(Enum::name).toArray(String[]::new)).update() == 1;
    }

    boolean approve(long id, int expectedVersion, long approvedBy, String body, String document, LocalDate approvedOn) {
        return jdbc.sql("""
                update inspection_item set state = 'APPROVED', approved_by = ?, approval_body = ?, approval_document = ?,
                    approved_on = ?, version = version + 1
                where id = ? and version = ? and state = 'COMPILED'""")
                .params(approvedBy, body, document, approvedOn, id, expectedVersion).update() == 1;
    }

    void insertStep(long itemId, String action, ItemState from, ItemState to, String comment, String actor, Instant now) {
        jdbc.sql("""
                insert into inspection_item_step (item_id, action, from_state, to_state, comment, actor, at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(itemId, action, from == null ? null : from.name(), to.name(), comment, actor, utc(now)).update();
    }

    List<Step> steps(long itemId) {
        return jdbc.sql("select * from inspection_item_step where item_id = ? order by at, id").param(itemId)
                .query((rs, n) -> new Step(rs.getString("action"), rs.getString("comment"), rs.getString("actor"), instant(rs, "at")))
                .list();
    }

    record Step(String action, String comment, String actor, Instant at) {
        public String messageKey() {
            return "inspection.step." + action;
        }
    }

    void insertConsultation(long itemId, long educationUnitId, boolean agreed, String opinion, long by, String byName, Instant now) {
        jdbc.sql("""
                insert into inspection_consultation (item_id, education_unit_id, agreed, opinion, recorded_by, recorded_by_name, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(itemId, educationUnitId, agreed, opinion, by, byName, utc(now)).update();
    }

    List<Consultation> consultations(long itemId) {
        return jdbc.sql("select * from inspection_consultation where item_id = ? order by recorded_at, id").param(itemId)
                .query((rs, n) -> new Consultation(rs.getBoolean("agreed"), rs.getString("opinion"), rs.getString("recorded_by_name"),
                        instant(rs, "recorded_at")))
                .list();
    }

    /** The education department's opinion on a department's item. */
    record Consultation(boolean agreed, String opinion, String recordedBy, Instant recordedAt) {
    }

    // --- reading items

    private static final String SELECT = """
            select i.*, exists (select 1 from inspection_consultation c where c.item_id = i.id and c.agreed) as consulted
            from inspection_item i""";

    Optional<InspectionItem> find(long id) {
        return withDetails(jdbc.sql(SELECT + " where i.id = ?").param(id).query(ItemRepository::map).list()).stream().findFirst();
    }

    /** The items of these ids, in no particular order. */
    List<InspectionItem> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return withDetails(jdbc.sql(SELECT + " where i.id = any(?)").param(ids.toArray(Long[]::new)).query(ItemRepository::map).list());
    }

    /** The items of a plan (a commission and a year), in every state. */
    List<InspectionItem> ofPlan(long planUnitId, int year) {
        return withDetails(jdbc.sql(SELECT + " where i.plan_unit_id = ? and i.year = ? order by i.id").params(planUnitId, year)
                .query(ItemRepository::map).list());
    }

    List<InspectionItem> ofOrganizer(long organizerUnitId) {
        return withDetails(jdbc.sql(SELECT + " where i.organizer_unit_id = ? order by i.year desc, i.id")
                .param(organizerUnitId).query(ItemRepository::map).list());
    }

    /**
     * Items of the given plans and years that still count, with their windows and listed schools, and
     * whether each has an agreeing consultation. Three statements whatever the number of items; for a
     * whole country (thousands of plans) the plans are filtered here rather than in a huge SQL array.
     */
    List<Checked> forCheck(Collection<Long> planUnitIds, int fromYear, int toYear) {
        boolean few = planUnitIds.size() <= 500;
        var where = " where i.year between ? and ? and i.state not in ('REJECTED', 'WITHDRAWN')" + (few ? " and i.plan_unit_id = any(?)" : "");
        var params = few ? new Object[] { fromYear, toYear, planUnitIds.toArray(Long[]::new) } : new Object[] { fromYear, toYear };
        var wanted = new java.util.HashSet<>(planUnitIds);
        var rows = jdbc.sql(SELECT + where).params(params)
                .query((rs, n) -> new Checked(map(rs, n), rs.getBoolean("consulted"))).list()
                .stream().filter(c -> wanted.contains(c.item().planUnitId())).toList();
        Map<Long, List<Window>> windows = new HashMap<>();
        jdbc.sql("select w.item_id, w.starts_on, w.ends_on from inspection_item_window w join inspection_item i on i.id = w.item_id"
                + where + " order by w.item_id, w.position").params(params)
                .query(rs -> {
                    windows.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Window(rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)));
                });
        Map<Long, List<Long>> schools = new HashMap<>();
        jdbc.sql("select s.item_id, s.school_id from inspection_item_school s join inspection_item i on i.id = s.item_id" + where)
                .params(params)
                .query(rs -> {
                    schools.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                });
        return rows.stream().map(c -> new Checked(withDetails(c.item(), windows, schools), c.consulted())).toList();
    }

    record Checked(InspectionItem item, boolean consulted) {
    }

    private List<InspectionItem> withDetails(List<InspectionItem> items) {
        if (items.isEmpty()) {
            return items;
        }
        var ids = items.stream().map(InspectionItem::id).toArray(Long[]::new);
        Map<Long, List<Window>> windows = new HashMap<>();
        jdbc.sql("select item_id, starts_on, ends_on from inspection_item_window where item_id = any(?) order by item_id, position")
                .param(ids)
                .query(rs -> {
                    windows.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Window(rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)));
                });
        Map<Long, List<Long>> schools = new HashMap<>();
        jdbc.sql("select item_id, school_id from inspection_item_school where item_id = any(?) order by item_id, school_id")
                .param(ids)
                .query(rs -> {
                    schools.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                });
        return items.stream().map(i -> withDetails(i, windows, schools)).collect(Collectors.toList());
    }

    private static InspectionItem withDetails(InspectionItem i, Map<Long, List<Window>> windows, Map<Long, List<Long>> schools) {
        return new InspectionItem(i.id(), i.year(), i.level(), i.planUnitId(), i.organizerUnitId(), i.name(),
                i.basis(), i.content(), i.targetKind(), i.targetStages(), List.copyOf(schools.getOrDefault(i.id(), List.of())),
                i.method(), i.participatingUnits(), i.category(), i.joint(), i.implementsItemId(), i.state(), i.createdBy(),
                i.createdByName(), i.createdAt(), i.approvedBy(), i.approvalBody(), i.approvalDocument(), i.approvedOn(),
                i.version(), List.copyOf(windows.getOrDefault(i.id(), List.of())));
    }

    private static InspectionItem map(ResultSet rs, int n) throws SQLException {
        var stages = EnumSet.noneOf(SchoolStage.class);
        Arrays.stream((String[]) rs.getArray("target_stages").getArray()).map(SchoolStage::valueOf).forEach(stages::add);
        return new InspectionItem(rs.getLong("id"), rs.getInt("year"), InspectionLevel.valueOf(rs.getString("level")),
                rs.getLong("plan_unit_id"), rs.getLong("organizer_unit_id"), rs.getString("name"), rs.getString("basis"),
                rs.getString("content"), TargetKind.valueOf(rs.getString("target_kind")), stages, List.of(), rs.getString("method"),
                rs.getString("participating_units"), InspectionCategory.valueOf(rs.getString("category")), rs.getBoolean("joint"),
                rs.getObject("implements_item_id", Long.class), ItemState.valueOf(rs.getString("state")), rs.getLong("created_by"),
                rs.getString("created_by_name"), instant(rs, "created_at"), rs.getObject("approved_by", Long.class),
                rs.getString("approval_body"), rs.getString("approval_document"), rs.getObject("approved_on", LocalDate.class),
                rs.getInt("version"), List.of());
    }

    // --- plan filings

    void insertFiling(long unitId, int year, int itemCount, String filedBy, Instant now) {
        jdbc.sql("insert into inspection_plan_filing (unit_id, year, item_count, filed_by_name, filed_at) values (?, ?, ?, ?, ?)")
                .params(unitId, year, itemCount, filedBy, utc(now)).update();
    }

    Optional<Filing> latestFiling(long unitId, int year) {
        return Optional.ofNullable(latestFilings(List.of(unitId), year).get(unitId));
    }

    /** The latest filing of each of these plans that has one, in one read. */
    Map<Long, Filing> latestFilings(Collection<Long> unitIds, int year) {
        var filings = new HashMap<Long, Filing>();
        jdbc.sql("""
                select distinct on (unit_id) * from inspection_plan_filing where unit_id = any(?) and year = ?
                order by unit_id, filed_at desc, id desc""")
                .params(unitIds.toArray(Long[]::new), year)
                .query((rs, n) -> new Filing(rs.getLong("unit_id"), rs.getInt("item_count"), rs.getString("filed_by_name"),
                        instant(rs, "filed_at")))
                .list().forEach(f -> filings.put(f.unitId(), f));
        return filings;
    }

    /** Per plan, how many items are approved and how many active items a department organises, in one read. */
    Map<Long, PlanTally> tallies(Collection<Long> planUnitIds, int year) {
        var tallies = new HashMap<Long, PlanTally>();
        jdbc.sql("""
                select plan_unit_id, count(*) filter (where state = 'APPROVED'),
                       count(*) filter (where organizer_unit_id <> plan_unit_id and state not in ('REJECTED', 'WITHDRAWN'))
                from inspection_item where plan_unit_id = any(?) and year = ? group by plan_unit_id""")
                .params(planUnitIds.toArray(Long[]::new), year)
                .query(rs -> {
                    tallies.put(rs.getLong(1), new PlanTally(rs.getLong(2), rs.getLong(3)));
                });
        return tallies;
    }

    /** How many items of a plan are approved, and how many active ones a department organises. */
    record PlanTally(long approved, long byDepartments) {

        static final PlanTally NONE = new PlanTally(0, 0);
    }

    /** A district's plan as filed with the city. */
    record Filing(long unitId, int itemCount, String filedBy, Instant filedAt) {
    }
}
