package org.jianfu.unit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jianfu.platform.Actor;
import org.jianfu.platform.EditConflictException;
import org.jianfu.platform.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The unit hierarchy: what other modules ask of it, and the only way to change it. Scope checks live
 * here so that every caller gets the same answer to "may this person see that unit?".
 */
@Service
public class Units {

    private final UnitRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Units(UnitRepository repository, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Unit get(long id) {
        return repository.findById(id).orElseThrow(() -> new UnitNotFoundException(id));
    }

    /**
     * The education commission a unit's demands on schools go through (a campus-entry application, a data collection):
     * a commission's own (the city's or a district's), a department's the one it hangs off; a school has none.
     */
    @Transactional(readOnly = true)
    public Optional<Unit> commissionOf(Unit unit) {
        return switch (unit.type()) {
            case CITY, DISTRICT -> Optional.of(unit);
            case DEPARTMENT -> Optional.of(get(unit.parentId()));
            case SCHOOL -> Optional.empty();
        };
    }

    /** The units with these ids, in no particular order, in one read (ids of no unit are left out): for pages naming many. */
    @Transactional(readOnly = true)
    public List<Unit> byIds(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : repository.findByIds(ids.toArray(Long[]::new));
    }

    @Transactional(readOnly = true)
    public Optional<Unit> findByCode(String code) {
        return repository.findByCode(code);
    }

    @Transactional(readOnly = true)
    public Optional<Unit> root() {
        return repository.findRoot();
    }

    /** The unit, if it lies within the actor's own unit's subtree; otherwise not found. */
    @Transactional(readOnly = true)
    public Unit getInScope(Actor actor, long id) {
        var own = get(actor.unitId());
        var unit = repository.findById(id).orElseThrow(() -> new UnitNotFoundException(id));
        if (!own.contains(unit)) {
            throw new UnitNotFoundException(id);
        }
        return unit;
    }

    /**
     * The units of these ids that lie within the actor's own unit's subtree, by id; others are left out. One
     * query by ids, for a page that shows some units of a large tree.
     */
    @Transactional(readOnly = true)
    public Map<Long, Unit> inScope(Actor actor, Collection<Long> ids) {
        return repository.withinPath(get(actor.unitId()).path(), ids).stream().collect(Collectors.toMap(Unit::id, Function.identity()));
    }

    /** Whether {@code unitId} is {@code ancestorId} or lies below it. */
    @Transactional(readOnly = true)
    public boolean isWithin(long ancestorId, long unitId) {
        var ancestor = repository.findById(ancestorId);
        var unit = repository.findById(unitId);
        return ancestor.isPresent() && unit.isPresent() && ancestor.get().contains(unit.get());
    }

    @Transactional(readOnly = true)
    public List<Unit> subtree(long unitId) {
        return repository.subtree(get(unitId));
    }

    /** The enabled schools in the unit's subtree, in no particular order: for bulk reads (a rule check over a country). */
    @Transactional(readOnly = true)
    public List<SchoolPlace> enabledSchoolsUnder(long unitId) {
        return repository.enabledSchoolsUnder(get(unitId));
    }

    /** The ids of the unit and of every unit below it, unsorted: to scope a search of a district or below. */
    @Transactional(readOnly = true)
    public List<Long> idsUnder(long unitId) {
        return repository.idsUnder(get(unitId));
    }

    /** The districts in the unit's subtree, the unit itself included when it is one. */
    @Transactional(readOnly = true)
    public List<Long> districtIdsUnder(long unitId) {
        return repository.districtIdsUnder(get(unitId));
    }

    /**
     * The enabled units of the actor's area whose name contains the text or whose code starts with it, of the type and
     * directly under {@code parentId} when given: what the unit picker of forms offers ({@code unit/picker.html}). A
     * person's area is their own unit and what lies below it; a department's is its commission's (the schools its
     * activities and inspections go to).
     */
    @Transactional(readOnly = true)
    public UnitChoices choices(Actor actor, String text, UnitType type, Long parentId) {
        return choices(area(actor).path(), text, type, parentId, false);
    }

    /** The enabled schools the public may name in a report (those of the enabled districts) matching the text. */
    @Transactional(readOnly = true)
    public UnitChoices publicSchoolChoices(String text, Long districtId) {
        return root().map(root -> choices(root.path(), text, UnitType.SCHOOL, districtId, true)).orElse(UnitChoices.NOTHING);
    }

    /** The units of these ids that the actor's picker offers, by name, in the order given: a form shown again keeps them. */
    @Transactional(readOnly = true)
    public List<UnitChoice> chosen(Actor actor, Collection<Long> ids) {
        return chosen(area(actor).path(), ids, false);
    }

    /** The school of this id as chosen on the public report form, when the public may name it. */
    @Transactional(readOnly = true)
    public List<UnitChoice> chosenPublicSchool(Long schoolId) {
        return schoolId == null ? List.of() : root().map(root -> chosen(root.path(), List.of(schoolId), true)).orElse(List.of());
    }

    private Unit area(Actor actor) {
        var own = get(actor.unitId());
        return own.type() == UnitType.DEPARTMENT && own.parentId() != null ? get(own.parentId()) : own;
    }

    private UnitChoices choices(String path, String text, UnitType type, Long parentId, boolean publicSchools) {
        if (!StringUtils.hasText(text)) {
            return UnitChoices.NOTHING;
        }
        var clean = text.strip();
        var found = repository.choices(path, new UnitRepository.ChoiceFilter(clean.length() > 100 ? clean.substring(0, 100) : clean,
                null, type, parentId, publicSchools), UnitChoices.LIMIT + 1);
        return new UnitChoices(true, found.size() > UnitChoices.LIMIT ? found.subList(0, UnitChoices.LIMIT) : found,
                found.size() > UnitChoices.LIMIT);
    }

    private List<UnitChoice> chosen(String path, Collection<Long> ids, boolean publicSchools) {
        var distinct = ids == null ? List.<Long>of() : ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (distinct.isEmpty()) {
            return List.of();
        }
        return repository.choices(path, new UnitRepository.ChoiceFilter(null, distinct, null, null, publicSchools), distinct.size())
                .stream().sorted(java.util.Comparator.comparing(c -> distinct.indexOf(c.id()))).toList();
    }

    @Transactional(readOnly = true)
    public List<Unit> children(long unitId) {
        return repository.children(unitId);
    }

    @Transactional(readOnly = true)
    public long count() {
        return repository.count();
    }

    /** Creates a unit. The parent must suit the type (a school under a district, and so on). */
    @Transactional
    public Unit create(NewUnit request) {
        var name = clean(request.name());
        var code = blankToNull(request.code());
        Unit parent = null;
        if (request.type() == UnitType.CITY) {
            if (request.parentId() != null || repository.findRoot().isPresent()) {
                throw new RuleViolation("type", "unit.error.single-city");
            }
        }
        else {
            if (request.parentId() == null) {
                throw new RuleViolation("parentId", "unit.error.parent-required");
            }
            parent = get(request.parentId());
            if (!request.type().allowedParents().contains(parent.type())) {
                throw new RuleViolation("parentId", "unit.error.parent-type");
            }
        }
        checkStage(request.type(), request.stage());
        checkUnique(parent == null ? null : parent.id(), name, code, null);
        var unit = repository.insert(parent, request.type(), name, code,
                request.type() == UnitType.SCHOOL ? request.stage() : null, clock.instant());
        events.publishEvent(new UnitEvents.UnitCreated(unit.snapshot()));
        if (unit.type() == UnitType.SCHOOL) {
            events.publishEvent(new SchoolChanged(unit.id(), unit.parentId()));
        }
        return unit;
    }

    /** Renames, recodes, restages, disables or re-enables a unit; refuses a stale version. */
    @Transactional
    public Unit update(long id, int expectedVersion, UnitChange change) {
        var before = get(id);
        var name = clean(change.name());
        var code = blankToNull(change.code());
        checkStage(before.type(), change.stage());
        checkUnique(before.parentId(), name, code, id);
        var stage = before.type() == UnitType.SCHOOL ? change.stage() : null;
        if (!repository.update(id, expectedVersion, name, code, stage, change.enabled())) {
            throw new EditConflictException("unit " + id);
        }
        var after = get(id);
        events.publishEvent(new UnitEvents.UnitChanged(before.snapshot(), after.snapshot()));
        if (after.type() == UnitType.SCHOOL) {
            events.publishEvent(new SchoolChanged(after.id(), after.parentId()));
        }
        return after;
    }

    /** The coordinates of those of these units that have them (schools placed on the map). */
    @Transactional(readOnly = true)
    public Map<Long, Coordinates> coordinatesOf(Collection<Long> unitIds) {
        return unitIds.isEmpty() ? Map.of() : repository.coordinates(unitIds);
    }

    /**
     * Places a school on the map (latitude and longitude in degrees, both or neither; neither clears them). Refused for a
     * unit that is not a school, for one coordinate alone or out of range, and for a stale version; audited.
     */
    @Transactional
    public Unit locate(long id, int expectedVersion, BigDecimal latitude, BigDecimal longitude) {
        var unit = get(id);
        if (unit.type() != UnitType.SCHOOL) {
            throw new RuleViolation("latitude", "unit.error.coordinates-school");
        }
        if ((latitude == null) != (longitude == null)) {
            throw new RuleViolation(latitude == null ? "latitude" : "longitude", "unit.error.coordinates-both");
        }
        if (latitude != null && (latitude.abs().compareTo(BigDecimal.valueOf(90)) > 0 || longitude.abs().compareTo(BigDecimal.valueOf(180)) > 0)) {
            throw new RuleViolation("latitude", "unit.error.coordinates-range");
        }
        var lat = latitude == null ? null : latitude.setScale(6, RoundingMode.HALF_UP);
        var lon = longitude == null ? null : longitude.setScale(6, RoundingMode.HALF_UP);
        var before = repository.coordinates(List.of(id)).get(id);
        var after = lat == null ? null : new Coordinates(lat.doubleValue(), lon.doubleValue());
        if (java.util.Objects.equals(before, after)) {
            return unit;
        }
        if (!repository.locate(id, expectedVersion, lat, lon)) {
            throw new EditConflictException("unit " + id);
        }
        events.publishEvent(new UnitEvents.UnitLocated(id, before, after));
        return get(id);
    }

    /**
     * Whether a name, as someone wrote it in a file (spaces and full-width letters aside), is the unit's name
     * or one of its aliases: 海淀区教委 and 北京市海淀区教育委员会 are 海淀区教育委员会's.
     */
    @Transactional(readOnly = true)
    public boolean isNameOf(long unitId, String name) {
        var wanted = UnitAlias.comparable(name);
        return UnitAlias.comparable(get(unitId).name()).equals(wanted)
                || repository.aliases(unitId).stream().anyMatch(a -> UnitAlias.comparable(a.alias()).equals(wanted));
    }

    /** The unit's other names. */
    @Transactional(readOnly = true)
    List<UnitAlias> aliases(long unitId) {
        return repository.aliases(unitId);
    }

    /**
     * Adds another name for a unit. Refused when it is already one of the unit's names, or another unit's
     * name or alias (a file of that unit would then pass for this one's).
     */
    @Transactional
    public void addAlias(long unitId, String alias) {
        var clean = clean(alias);
        if (clean.isEmpty()) {
            throw new RuleViolation("alias", "unit.alias.error.blank");
        }
        if (clean.length() > 100) {
            throw new RuleViolation("alias", "unit.alias.error.too-long");
        }
        if (isNameOf(unitId, clean)) {
            throw new RuleViolation("alias", "unit.alias.error.already");
        }
        if (repository.nameOfAnotherUnit(unitId, UnitAlias.comparable(clean))) {
            throw new RuleViolation("alias", "unit.alias.error.other-unit");
        }
        var added = repository.insertAlias(unitId, clean);
        events.publishEvent(new UnitEvents.UnitAliasAdded(unitId, added.alias()));
    }

    /** Removes an alias a system admin added. Refused for a generated one, which follows the unit's name. */
    @Transactional
    void removeAlias(long unitId, long aliasId) {
        var alias = repository.aliases(unitId).stream().filter(a -> a.id() == aliasId).findFirst()
                .orElseThrow(() -> new RuleViolation("alias", "unit.alias.error.gone"));
        if (alias.generated()) {
            throw new RuleViolation("alias", "unit.alias.error.generated");
        }
        if (!repository.deleteAddedAlias(unitId, aliasId)) {
            throw new RuleViolation("alias", "unit.alias.error.gone");
        }
        events.publishEvent(new UnitEvents.UnitAliasRemoved(unitId, alias.alias()));
    }

    private void checkStage(UnitType type, SchoolStage stage) {
        if (type == UnitType.SCHOOL && stage == null) {
            throw new RuleViolation("stage", "unit.error.stage-required");
        }
    }

    private void checkUnique(Long parentId, String name, String code, Long exceptId) {
        if (repository.existsSibling(parentId, name, exceptId)) {
            throw new RuleViolation("name", "unit.error.name-taken");
        }
        if (code != null && repository.existsCode(code, exceptId)) {
            throw new RuleViolation("code", "unit.error.code-taken");
        }
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }

    private static String blankToNull(String s) {
        return StringUtils.hasText(s) ? s.strip() : null;
    }

    /** What is needed to create a unit. */
    public record NewUnit(Long parentId, UnitType type, String name, String code, SchoolStage stage) {
    }

    /** The editable fields of a unit. */
    public record UnitChange(String name, String code, SchoolStage stage, boolean enabled) {
    }
}
