package org.jianfu.collection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;

import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

import org.jianfu.unit.Unit;
import org.jianfu.unit.Units;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The duplicate check of a collection (requirement 16, 一次采集多次使用), explained like the inspection rule check: the
 * dictionary fields it asks for that a source system already holds, those an arranged collection of the same area already
 * collected this year (the arranging commission's or the city's), and another department's collection asking the same
 * respondents for the same fields within the window the settings give (多头布置/重复上报). A flag, never a refusal: the
 * arranging office decides.
 */
@Component
class DuplicateCheck {

    /** Other collections named per kind at most: the page names the first, the office reads on from there. */
    static final int LIMIT = 10;

    private final JdbcClient jdbc;
    private final CollectionRepository repository;
    private final Units units;

    DuplicateCheck(JdbcClient jdbc, CollectionRepository repository, Units units) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.units = units;
    }

    @Transactional(readOnly = true)
    List<CollectionFinding> findings(DataCollection collection, BiPredicate<Long, Long> readable) {
        var findings = new ArrayList<CollectionFinding>();
        var bySource = new LinkedHashMap<SourceSystem, List<String>>();
        for (var field : collection.fields()) {
            if (field.source() != null) {
                bySource.computeIfAbsent(field.source(), s -> new ArrayList<>()).add(field.name());
            }
        }
        bySource.forEach((source, names) -> findings.add(new CollectionFinding(CollectionFinding.Kind.HELD_BY_SOURCE, names, source, null,
                null, null, null, false)));
        var fieldIds = collection.fields().stream().map(CollectionField::dictionaryFieldId).filter(Objects::nonNull).distinct()
                .toArray(Long[]::new);
        if (fieldIds.length == 0) {
            return findings;
        }
        var city = units.root().orElseThrow().id();
        var year = collection.year();
        var named = new HashSet<Long>();
        var earlier = others(collection, fieldIds, """
                o.state = 'ARRANGED' and o.arranging_unit_id in (:arranger, :city) and o.opens_on >= :from and o.opens_on < :to""",
                city, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
        var window = repository.settings().overlapWindowDays();
        var overlapping = others(collection, fieldIds, """
                o.state in ('SUBMITTED', 'PREPARED', 'ARRANGED') and o.arranging_unit_id = :arranger
                and o.requesting_unit_id <> :requester and o.respondent = :respondent
                and o.opens_on <= :to and o.due_on >= :from""",
                city, collection.opensOn().minusDays(window), collection.dueOn().plusDays(window));
        var names = units.byIds(java.util.stream.Stream.concat(earlier.stream(), overlapping.stream()).map(Other::unitId)
                .collect(Collectors.toSet())).stream().collect(Collectors.toMap(Unit::id, Unit::name));
        for (var other : earlier) {
            named.add(other.id());
            findings.add(other.finding(CollectionFinding.Kind.COLLECTED_THIS_YEAR, names, readable));
        }
        for (var other : overlapping) {
            if (!named.contains(other.id())) {
                findings.add(other.finding(CollectionFinding.Kind.OVERLAPPING, names, readable));
            }
        }
        return findings;
    }

    private record Other(long id, String title, long unitId, long arrangingUnitId, LocalDate opensOn, List<String> fieldNames) {

        /** {@code readable} is asked with the other collection's requesting and arranging units. */
        CollectionFinding finding(CollectionFinding.Kind kind, Map<Long, String> unitNames, BiPredicate<Long, Long> readable) {
            return new CollectionFinding(kind, fieldNames, null, id, title, unitNames.get(unitId), opensOn,
                    readable.test(unitId, arrangingUnitId));
        }
    }

    /** Other collections meeting the condition that ask for any of the fields, oldest first, with the shared fields by name. */
    private List<Other> others(DataCollection collection, Long[] fieldIds, String condition, long city, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select o.id, o.title, o.requesting_unit_id, o.arranging_unit_id, o.opens_on, array_agg(d.name order by d.code) as names
                from collection o
                join collection_field f on f.collection_id = o.id
                join collection_dictionary_field d on d.id = f.dictionary_field_id
                where f.dictionary_field_id = any(:fields) and o.id <> :id and\s""" + condition + """

                group by o.id order by o.opens_on, o.id limit :limit""")
                .param("fields", fieldIds).param("id", collection.id()).param("arranger", collection.arrangingUnitId())
                .param("city", city).param("requester", collection.requestingUnitId()).param("respondent", collection.respondent().name())
                .param("from", from).param("to", to).param("limit", LIMIT)
                .query((rs, n) -> new Other(rs.getLong("id"), rs.getString("title"), rs.getLong("requesting_unit_id"), rs.getLong("arranging_unit_id"),
                        rs.getObject("opens_on", LocalDate.class), Arrays.asList((String[]) rs.getArray("names").getArray())))
                .list();
    }
}
