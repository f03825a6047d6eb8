package org.jianfu.ledger;

import static org.jianfu.platform.SqlTimestamps.instant;
import static org.jianfu.platform.SqlTimestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.jianfu.ledger.LedgerFigures.Frozen;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The register figures of a ledger: live, as the registers compute them now, and frozen, as they stood
 * when the ledger was signed off (the tables this class owns). Arguments and contradictions are kept as
 * JSON with numbers as numbers, so a frozen figure renders again in either language.
 */
@Component
class FrozenFigures {

    private static final TypeReference<List<Contradiction>> CONTRADICTIONS = new TypeReference<>() {
    };

    private final List<RegisterFigures> registers;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    FrozenFigures(List<RegisterFigures> registers, JdbcClient jdbc, JsonMapper json) {
        // Contradiction is a sealed interface: its records are told apart by their name in the JSON.
        this.json = json.rebuild()
                .addMixIn(Contradiction.class, TypedContradiction.class)
                .registerSubtypes(Contradiction.class.getPermittedSubclasses())
                .build();
        this.registers = registers;
        this.jdbc = jdbc;
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    private interface TypedContradiction {
    }

    /** The live figures of a unit for a year, as every register computes them now. */
    List<RegisterFigures.Figure> live(long unitId, int year) {
        return live(List.of(unitId), year).get(unitId);
    }

    /** The same for several units, by unit id in the order given: each register is asked once for them all. */
    Map<Long, List<RegisterFigures.Figure>> live(Collection<Long> unitIds, int year) {
        var figures = new LinkedHashMap<Long, List<RegisterFigures.Figure>>();
        unitIds.forEach(id -> figures.put(id, new ArrayList<>()));
        if (!figures.isEmpty()) {
            for (var register : registers) {
                var ofRegister = register.figuresFor(figures.keySet(), year);
                figures.forEach((id, all) -> all.addAll(ofRegister.getOrDefault(id, List.of())));
            }
        }
        figures.replaceAll((id, all) -> List.copyOf(all));
        return figures;
    }

    /** Stores figures (the unit's live ones at sign-off) as the ledger's frozen ones, replacing any frozen before. */
    Frozen freeze(long ledgerId, List<RegisterFigures.Figure> live, Instant at) {
        // Read back through JSON, so the figures the sign-off is audited with are exactly those stored.
        var figures = live.stream().map(this::asStored).toList();
        discard(ledgerId);
        jdbc.sql("insert into ledger_figures_frozen (ledger_id, frozen_at) values (?, ?)").params(ledgerId, utc(at)).update();
        for (int i = 0; i < figures.size(); i++) {
            var f = figures.get(i);
            jdbc.sql("""
                    insert into ledger_frozen_figure (ledger_id, position, requirement_code, figure_key, message_key, arguments,
                        link, alert, contradictions)
                    values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?::jsonb)""")
                    .params(ledgerId, i, f.requirementCode(), f.key(), f.messageKey(), json.writeValueAsString(f.arguments()),
                            f.link(), f.alert(), json.writerFor(CONTRADICTIONS).writeValueAsString(f.contradictions()))
                    .update();
        }
        return new Frozen(at, figures);
    }

    /** The figures frozen when the ledger was last signed off, unless it has been returned since. */
    Optional<Frozen> of(long ledgerId) {
        return Optional.ofNullable(of(List.of(ledgerId)).get(ledgerId));
    }

    /** The same for several ledgers in one query, by ledger id; ledgers with none frozen are left out. */
    Map<Long, Frozen> of(Collection<Long> ledgerIds) {
        if (ledgerIds.isEmpty()) {
            return Map.of();
        }
        var at = new LinkedHashMap<Long, Instant>();
        var figures = new HashMap<Long, List<RegisterFigures.Figure>>();
        jdbc.sql("""
                select f.ledger_id, f.frozen_at, g.* from ledger_figures_frozen f
                left join ledger_frozen_figure g on g.ledger_id = f.ledger_id
                where f.ledger_id = any(?) order by f.ledger_id, g.position""")
                .param(ledgerIds.toArray(Long[]::new))
                .query(rs -> {
                    var ledgerId = rs.getLong(1);
                    at.put(ledgerId, instant(rs, "frozen_at"));
                    var figuresOf = figures.computeIfAbsent(ledgerId, id -> new ArrayList<>());
                    if (rs.getString("figure_key") != null) { // a ledger frozen with no figure has one row of nulls
                        figuresOf.add(mapFigure(rs, figuresOf.size()));
                    }
                });
        var frozen = new LinkedHashMap<Long, Frozen>();
        at.forEach((id, when) -> frozen.put(id, new Frozen(when, List.copyOf(figures.get(id)))));
        return frozen;
    }

    /** Drops the frozen figures of a ledger returned after sign-off; returns whether there were any. */
    boolean discard(long ledgerId) {
        return jdbc.sql("delete from ledger_figures_frozen where ledger_id = ?").param(ledgerId).update() > 0;
    }

    /** Whether a frozen and a live figure read the same: same label, same arguments once stored. */
    boolean sameValue(RegisterFigures.Figure frozen, RegisterFigures.Figure live) {
        return frozen.messageKey().equals(live.messageKey())
                && Arrays.equals(frozen.arguments(), asStored(live).arguments());
    }

    /** The figure as it reads back once stored: its arguments' numbers as JSON gives them (3 as Integer, never Long). */
    private RegisterFigures.Figure asStored(RegisterFigures.Figure figure) {
        var arguments = json.readValue(json.writeValueAsString(figure.arguments()), Object[].class);
        var contradictions = json.readValue(json.writerFor(CONTRADICTIONS).writeValueAsString(figure.contradictions()), CONTRADICTIONS);
        return new RegisterFigures.Figure(figure.requirementCode(), figure.key(), figure.messageKey(), arguments, figure.link(),
                figure.alert(), contradictions);
    }

    private RegisterFigures.Figure mapFigure(ResultSet rs, int n) throws SQLException {
        return new RegisterFigures.Figure(rs.getString("requirement_code"), rs.getString("figure_key"), rs.getString("message_key"),
                json.readValue(rs.getString("arguments"), Object[].class), rs.getString("link"), rs.getBoolean("alert"),
                json.readValue(rs.getString("contradictions"), CONTRADICTIONS));
    }
}
