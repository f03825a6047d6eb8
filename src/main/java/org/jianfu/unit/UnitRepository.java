package org.jianfu.unit;

import static org.jianfu.platform.SqlTimestamps.utc;
import static org.jianfu.platform.SqlTimestamps.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UnitRepository {

    private final JdbcClient jdbc;

    UnitRepository(JdbcTemplate jdbc) {
        this.jdbc = JdbcClient.create(new PlannedEachTime(jdbc));
    }

    Optional<Unit> findById(long id) {
        return jdbc.sql("select * from unit where id = ?").param(id).query(UnitRepository::map).optional();
    }

    List<Unit> findByIds(Long[] ids) {
        return jdbc.sql("select * from unit where id = any(?)").param(ids).query(UnitRepository::map).list();
    }

    Optional<Unit> findByCode(String code) {
        return jdbc.sql("select * from unit where code = ?").param(code).query(UnitRepository::map).optional();
    }

    Optional<Unit> findRoot() {
        return jdbc.sql("select * from unit where parent_id is null order by id limit 1").query(UnitRepository::map).optional();
    }

    /** Three columns of the enabled schools under a path, unsorted: a country has hundreds of thousands. */
    List<SchoolPlace> enabledSchoolsUnder(Unit root) {
        return jdbc.sql("select id, parent_id, stage from unit where path like ? escape '\\' and type = 'SCHOOL' and enabled")
                .param(root.path() + "%")
                .query((rs, n) -> new SchoolPlace(rs.getLong(1), rs.getLong(2), SchoolStage.valueOf(rs.getString(3))))
                .list();
    }

    /**
     * The enabled units under a path that {@code filter} lets through, at most {@code limit}: those whose name starts
     * with the filter's text first, then the shorter names. Only the first {@value #CANDIDATES} units found are
     * ranked, so that a text every school of a country matches (小学) costs a short scan, not a sort of 200,000; a
     * text that few match is ranked exactly. One query for both a search and the names of the units a form has chosen.
     */
    List<UnitChoice> choices(String path, ChoiceFilter filter, int limit) {
        var escaped = filter.text() == null ? null : filter.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        // The public's schools: a school hangs only under a district, a district only under the city; its district's
        // state is read by id for each unit found (a set of the districts would be hashed from the whole table first).
        // ILIKE only for a text with Latin letters: Chinese has no case, and ILIKE lowers every name of the scan first
        var like = escaped != null && escaped.chars().anyMatch(c -> c < 128 && Character.isLetter(c)) ? "ilike" : "like";
        return jdbc.sql("""
                select u.id, u.name, u.parent_id, p.name as parent_name from (
                    select u.id, u.name, u.parent_id from unit u
                    where u.enabled and u.path like :path escape '\\'
                      and (cast(:ids as bigint[]) is null or u.id = any(:ids))
                      and (cast(:starts as text) is null or u.name %1$s :contains escape '\\' or u.code ilike :starts escape '\\')
                      and (cast(:type as text) is null or u.type = :type)
                      and (cast(:parent as bigint) is null or u.parent_id = :parent)
                      and (not :public or (u.type = 'SCHOOL' and (select d.enabled from unit d where d.id = u.parent_id)))
                    limit :candidates) u
                left join unit p on p.id = u.parent_id
                order by u.name not %1$s coalesce(:starts, '') escape '\\', length(u.name), u.name, u.id
                limit :limit""".formatted(like))
                .param("path", path + "%")
                .param("ids", filter.ids() == null ? null : filter.ids().toArray(Long[]::new))
                .param("contains", escaped == null ? null : "%" + escaped + "%")
                .param("starts", escaped == null ? null : escaped + "%")
                .param("type", filter.type() == null ? null : filter.type().name())
                .param("parent", filter.parentId())
                .param("public", filter.publicSchools())
                .param("candidates", Math.max(limit, CANDIDATES))
                .param("limit", limit)
                .query((rs, n) -> new UnitChoice(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3), rs.getString(4)))
                .list();
    }

    /** How many of the units a search finds are ranked (see {@link #choices}). */
    static final int CANDIDATES = 200;

    /**
     * What a list of choices keeps: units whose name contains {@code text} or whose code starts with it (as typed:
     * {@code %} and {@code _} are no wildcards), units of these {@code ids}, of this {@code type}, directly under
     * {@code parentId}; each only when given. {@code publicSchools} keeps the schools of the enabled districts, those
     * the public report form offers.
     */
    record ChoiceFilter(String text, Collection<Long> ids, UnitType type, Long parentId, boolean publicSchools) {
    }

    List<Long> idsUnder(Unit root) {
        return jdbc.sql("select id from unit where path like ? escape '\\'").param(root.path() + "%").query(Long.class).list();
    }

    List<Long> districtIdsUnder(Unit root) {
        return jdbc.sql("select id from unit where path like ? escape '\\' and type = 'DISTRICT'")
                .param(root.path() + "%")
                .query(Long.class)
                .list();
    }

    /**
     * The units of these ids under a path. The path is compared as a plain prefix, which no index serves, so the
     * rows are always found by id: a prefix the path index could serve would tempt the planner to walk the subtree.
     */
    List<Unit> withinPath(String path, Collection<Long> ids) {
        return jdbc.sql("select * from unit where id = any(?) and left(path, length(?)) = ?")
                .params(ids.toArray(Long[]::new), path, path)
                .query(UnitRepository::map)
                .list();
    }

    /** The unit and everything below it, parents before children, siblings by type then in the official order. */
    List<Unit> subtree(Unit root) {
        return jdbc.sql("""
                select * from unit where path like ? escape '\\'
                order by depth, parent_id nulls first, type""" + ", " + Unit.officialOrderSql(""))
                .param(root.path() + "%")
                .query(UnitRepository::map)
                .list();
    }

    List<Unit> children(long parentId) {
        return jdbc.sql("select * from unit where parent_id = ? order by type, " + Unit.officialOrderSql(""))
                .param(parentId)
                .query(UnitRepository::map)
                .list();
    }

    boolean existsSibling(Long parentId, String name, Long exceptId) {
        return jdbc.sql("""
                select exists(select 1 from unit where coalesce(parent_id, 0) = coalesce(?, 0) and name = ?
                              and id <> coalesce(?, -1))""")
                .params(parentId, name, exceptId)
                .query(Boolean.class)
                .single();
    }

    boolean existsCode(String code, Long exceptId) {
        return jdbc.sql("select exists(select 1 from unit where code = ? and id <> coalesce(?, -1))")
                .params(code, exceptId)
                .query(Boolean.class)
                .single();
    }

    long count() {
        return jdbc.sql("select count(*) from unit").query(Long.class).single();
    }

    Unit insert(Unit parent, UnitType type, String name, String code, SchoolStage stage, Instant now) {
        // The path needs the new id, so the row is written with a placeholder and completed in one statement.
        var id = jdbc.sql("""
                insert into unit (parent_id, type, name, code, stage, path, depth, created_at)
                values (?, ?, ?, ?, ?, '', ?, ?) returning id""")
                .params(parent == null ? null : parent.id(), type.name(), name, code,
                        stage == null ? null : stage.name(), parent == null ? 0 : parent.depth() + 1,
                        utc(now))
                .query(Long.class)
                .single();
        jdbc.sql("update unit set path = ? where id = ?")
                .params((parent == null ? "/" : parent.path()) + id + "/", id)
                .update();
        return findById(id).orElseThrow();
    }

    /** Updates the editable fields; returns false when someone else changed the unit first. */
    boolean update(long id, int expectedVersion, String name, String code, SchoolStage stage, boolean enabled) {
        return jdbc.sql("""
                update unit set name = ?, code = ?, stage = ?, enabled = ?, version = version + 1
                where id = ? and version = ?""")
                .params(name, code, stage == null ? null : stage.name(), enabled, id, expectedVersion)
                .update() == 1;
    }

    /** The coordinates of those of these units that have them. */
    java.util.Map<Long, Coordinates> coordinates(java.util.Collection<Long> ids) {
        var found = new java.util.HashMap<Long, Coordinates>();
        jdbc.sql("select id, latitude, longitude from unit where id = any(?) and latitude is not null")
                .param(ids.toArray(Long[]::new))
                .query(rs -> {
                    found.put(rs.getLong(1), new Coordinates(rs.getDouble(2), rs.getDouble(3)));
                });
        return found;
    }

    /** Sets or clears (null) a unit's coordinates; returns false when someone else changed the unit first. */
    boolean locate(long id, int expectedVersion, java.math.BigDecimal latitude, java.math.BigDecimal longitude) {
        return jdbc.sql("update unit set latitude = ?, longitude = ?, version = version + 1 where id = ? and version = ?")
                .params(latitude, longitude, id, expectedVersion).update() == 1;
    }

    /** The unit's other names, those generated from its name first, each kind alphabetically. */
    List<UnitAlias> aliases(long unitId) {
        return jdbc.sql("select id, unit_id, alias, generated from unit_alias where unit_id = ? order by generated desc, alias")
                .param(unitId)
                .query((rs, n) -> new UnitAlias(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4)))
                .list();
    }

    /** Whether another unit has this name or alias, spaces aside. */
    boolean nameOfAnotherUnit(long unitId, String comparable) {
        return jdbc.sql("""
                select exists(select 1 from unit where id <> :unit and translate(name, ' ' || chr(12288), '') = :name)
                    or exists(select 1 from unit_alias where unit_id <> :unit and translate(alias, ' ' || chr(12288), '') = :name)""")
                .param("unit", unitId).param("name", comparable)
                .query(Boolean.class)
                .single();
    }

    UnitAlias insertAlias(long unitId, String alias) {
        return jdbc.sql("insert into unit_alias (unit_id, alias) values (?, ?) returning id, unit_id, alias, generated")
                .params(unitId, alias)
                .query((rs, n) -> new UnitAlias(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4)))
                .single();
    }

    /** Removes an alias a system admin added; generated ones stay (they follow the name). */
    boolean deleteAddedAlias(long unitId, long aliasId) {
        return jdbc.sql("delete from unit_alias where id = ? and unit_id = ? and not generated").params(aliasId, unitId).update() == 1;
    }

    private static Unit map(ResultSet rs, int n) throws SQLException {
        var stage = rs.getString("stage");
        return new Unit(
                rs.getLong("id"),
                (Long) rs.getObject("parent_id"),
                UnitType.valueOf(rs.getString("type")),
                rs.getString("name"),
                rs.getString("code"),
                stage == null ? null : SchoolStage.valueOf(stage),
                rs.getString("path"),
                rs.getInt("depth"),
                rs.getBoolean("enabled"),
                instant(rs, "created_at"),
                rs.getInt("version"));
    }
}
