package org.jianfu.inspection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs the rule check for an area (a district, or a whole city) and a year: reads the rules in force,
 * the schools, the items of the area's plans and of the plans above it, and the recorded visits, then
 * hands them to {@link RuleCheck}. Pages read the findings kept per plan ({@link KeptFindings}), which are
 * computed here, plan by plan, whenever an input of the plan has changed.
 */
@Service
public class InspectionChecks {

    private final ItemRepository items;
    private final VisitRepository visits;
    private final RuleRepository rules;
    private final Units units;

    InspectionChecks(ItemRepository items, VisitRepository visits, RuleRepository rules, Units units) {
        this.items = items;
        this.visits = visits;
        this.rules = rules;
        this.units = units;
    }

    /** Every finding for the area's plans and schools in the year. */
    @Transactional(readOnly = true)
    public List<Finding> check(long areaUnitId, int year) {
        return RuleCheck.run(load(areaUnitId, year));
    }

    /**
     * The findings of one plan's own check, as a whole city's check gives them for that plan: a district's (its items,
     * the items above it that reach its schools, its schools and visits), or a city's own items compared with each other
     * (consultation, merge, escalation: the rules that read no school, since the city's items at the districts' schools
     * are in each district's findings).
     */
    @Transactional(readOnly = true)
    public List<Finding> checkOwnPlan(long planUnitId, int year) {
        var unit = units.get(planUnitId);
        return RuleCheck.run(unit.type() == UnitType.CITY ? loadItemsOnly(unit, year) : load(planUnitId, year));
    }

    /** What one check reads, with how big it was: for the benchmark. */
    @Transactional(readOnly = true)
    public Sizes measure(long areaUnitId, int year) {
        long start = System.nanoTime();
        var in = load(areaUnitId, year);
        long loaded = System.nanoTime();
        var found = RuleCheck.run(in);
        long done = System.nanoTime();
        return new Sizes(in.items().size(), in.schools().size(), in.visits().size(), found.size(),
                found.stream().mapToInt(f -> Math.max(f.schoolIds().size(), 1)).sum(), (loaded - start) / 1_000_000,
                (done - loaded) / 1_000_000);
    }

    /** How much one check read and found, and how long reading and applying the rules took. */
    public record Sizes(int items, int schools, int visits, int findings, int schoolFindings, long loadMs, long ruleMs) {
    }

    private RuleCheck.Input load(long areaUnitId, int year) {
        var area = units.get(areaUnitId);
        var inForce = rules.rulesFor(year);
        int lookBack = lookBack(inForce);
        var schools = units.enabledSchoolsUnder(areaUnitId);
        var districts = new LinkedHashSet<Long>(units.districtIdsUnder(areaUnitId));
        if (area.type() == UnitType.SCHOOL) {
            districts.add(area.parentId());
        }
        Set<Long> own = new HashSet<>(districts);
        if (area.type() == UnitType.CITY) {
            own.add(area.id());
        }
        var planUnits = new HashSet<>(own);
        planUnits.addAll(ancestors(area));
        var checked = checkedItems(planUnits, year, inForce);
        var table = new VisitTable();
        visits.loadForCheck(districts, LocalDate.of(year - lookBack, 1, 1), LocalDate.of(year, 12, 31), table);
        return new RuleCheck.Input(year, own, inForce, rules.terms(), schools, checked, table);
    }

    private RuleCheck.Input loadItemsOnly(Unit plan, int year) {
        var inForce = rules.rulesFor(year);
        var planUnits = new HashSet<Long>(ancestors(plan));
        planUnits.add(plan.id());
        return new RuleCheck.Input(year, Set.of(plan.id()), inForce, rules.terms(), List.of(), checkedItems(planUnits, year, inForce),
                new VisitTable());
    }

    private List<RuleCheck.Item> checkedItems(Set<Long> planUnits, int year, List<Rule> inForce) {
        return items.forCheck(planUnits, year - lookBack(inForce), year).stream().map(c -> {
            var i = c.item();
            return new RuleCheck.Item(i.id(), i.year(), i.planUnitId(), i.level(), i.byDepartment(), c.consulted(), i.category(),
                    i.targetKind(), i.targetStages(), Set.copyOf(i.targetSchools()), i.windows(), i.state() == ItemState.APPROVED,
                    i.implementsItemId(), i.name() + " " + i.content());
        }).toList();
    }

    private static int lookBack(List<Rule> inForce) {
        return inForce.stream().filter(r -> r.period() == RulePeriod.YEARS).mapToInt(Rule::periodYears).max().orElse(1);
    }

    /** The ids on the unit's materialised path above it ({@code /1/4/27/} gives 1 and 4 for 27). */
    static List<Long> ancestors(Unit unit) {
        var ids = new ArrayList<Long>();
        for (var part : unit.path().split("/")) {
            if (!part.isEmpty() && Long.parseLong(part) != unit.id()) {
                ids.add(Long.parseLong(part));
            }
        }
        return ids;
    }
}
