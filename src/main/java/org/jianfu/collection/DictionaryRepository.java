package org.jianfu.collection;

import static org.jianfu.platform.SqlTimestamps.instant;
import static org.jianfu.platform.SqlTimestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the field dictionary, which this module owns. */
@Repository
class DictionaryRepository {

    private static final String ORDER = " order by source_system, code";

    private final JdbcClient jdbc;

    DictionaryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<DictionaryField> find(long id) {
        return jdbc.sql("select * from collection_dictionary_field where id = ?").param(id).query(DictionaryRepository::map).optional();
    }

    /** The fields in use, for the registration form and the mapping of typed fields. */
    List<DictionaryField> inUse() {
        return jdbc.sql("select * from collection_dictionary_field where not retired" + ORDER).query(DictionaryRepository::map).list();
    }

    long count(boolean withRetired) {
        return jdbc.sql("select count(*) from collection_dictionary_field" + (withRetired ? "" : " where not retired"))
                .query(Long.class).single();
    }

    /** A page of the dictionary, by source system and code. */
    List<DictionaryField> page(boolean withRetired, int offset, int limit) {
        return jdbc.sql("select * from collection_dictionary_field" + (withRetired ? "" : " where not retired") + ORDER
                        + " limit ? offset ?")
                .params(limit, offset).query(DictionaryRepository::map).list();
    }

    boolean codeTaken(String code, long except) {
        return jdbc.sql("select exists (select 1 from collection_dictionary_field where code = ? and id <> ?)").params(code, except)
                .query(Boolean.class).single();
    }

    long insert(DictionaryForm form, String actor, Instant now) {
        return jdbc.sql("""
                insert into collection_dictionary_field (code, name, definition, value_type, allowed_values, source_system,
                    updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(form.code().strip(), form.name().strip(), form.definition().strip(), form.valueType().name(),
                        form.allowedValuesOrNull(), form.source().name(), utc(now), actor)
                .query(Long.class).single();
    }

    boolean update(long id, DictionaryForm form, String actor, Instant now) {
        return jdbc.sql("""
                update collection_dictionary_field set code = ?, name = ?, definition = ?, value_type = ?, allowed_values = ?,
                    source_system = ?, updated_at = ?, updated_by = ?, version = version + 1
                where id = ? and version = ?""")
                .params(form.code().strip(), form.name().strip(), form.definition().strip(), form.valueType().name(),
                        form.allowedValuesOrNull(), form.source().name(), utc(now), actor, id, form.version())
                .update() == 1;
    }

    boolean setRetired(long id, int expectedVersion, boolean retired, String actor, Instant now) {
        return jdbc.sql("""
                update collection_dictionary_field set retired = ?, updated_at = ?, updated_by = ?, version = version + 1
                where id = ? and version = ?""")
                .params(retired, utc(now), actor, id, expectedVersion).update() == 1;
    }

    private static DictionaryField map(ResultSet rs, int n) throws SQLException {
        return new DictionaryField(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("definition"),
                ValueType.valueOf(rs.getString("value_type")), rs.getString("allowed_values"),
                SourceSystem.valueOf(rs.getString("source_system")), rs.getBoolean("retired"), instant(rs, "updated_at"),
                rs.getString("updated_by"), rs.getInt("version"));
    }
}
