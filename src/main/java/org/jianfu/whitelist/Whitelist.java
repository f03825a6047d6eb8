package org.jianfu.whitelist;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.platform.EditConflictException;
import org.jianfu.platform.ListPage;
import org.jianfu.platform.ReadableCodes;
import org.jianfu.platform.RuleViolation;
import org.jianfu.platform.Semester;
import org.jianfu.unit.SchoolStage;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applications, their review, the published whitelist, verification codes, hosted activities and the caps.
 * Every check of role, unit and state is made here, so no page can skip one.
 */
@Service
public class Whitelist {

    static final Set<Role> APPLICANTS = Set.of(Role.DEPARTMENT_USER, Role.DISTRICT_REPORTER, Role.DISTRICT_APPROVER,
            Role.CITY_ADMIN);
    static final Set<Role> REVIEWERS = Set.of(Role.DISTRICT_REPORTER, Role.DISTRICT_APPROVER, Role.CITY_ADMIN);
    static final Set<Role> READERS = Set.of(Role.DEPARTMENT_USER, Role.DISTRICT_REPORTER, Role.DISTRICT_APPROVER,
            Role.CITY_ADMIN, Role.SUPERVISOR);

    /** Letters and digits that cannot be misread for each other (no 0/O, 1/I/L). */
    private static final int CODE_LENGTH = 8;
    private static final int CACHE_LIMIT = 10_000;
    private static final Duration CACHE_TIME = Duration.ofMinutes(5);

    private final WhitelistRepository repository;
    private final Units units;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /**
     * Published items by code, for the verification page, each with the {@link PublicPageVersion} it was
     * read at: a listing of another version (a unit renamed, an item changed, through any instance) is read
     * again. Misses are not cached, so a new approval on any instance is seen at once.
     */
    private final Map<String, Listing> listedByCode = new ConcurrentHashMap<>();
    private final PublicPageVersion version;
    private final UnitNames unitNames;

    Whitelist(WhitelistRepository repository, Units units, ApplicationEventPublisher events, Clock clock,
            PublicPageVersion version) {
        this.repository = repository;
        this.units = units;
        this.events = events;
        this.clock = clock;
        this.version = version;
        this.unitNames = new UnitNames(units);
    }

    // --- applying

    /**
     * Files an application for the applicant's own unit. A department under the city applies to the city's
     * list, one under a district to the district's; an education commission may apply itself. An
     * application that answers "yes" to a banned demand is kept as refused at the door and never reviewed.
     */
    @Transactional
    public WhitelistApplication apply(AccountPrincipal me, ApplicationForm form) {
        if (!APPLICANTS.contains(me.role())) {
            throw new org.springframework.security.access.AccessDeniedException("no applications for " + me.role());
        }
        var reviewer = reviewerOf(units.get(me.unitId()));
        check(form, reviewer);
        var refused = !form.bannedDemands().isEmpty();
        var id = repository.insert(me.unitId(), reviewer.id(), levelOf(reviewer), form,
                refused ? ApplicationState.REFUSED : ApplicationState.SUBMITTED, null, me.username(), clock.instant());
        var application = repository.find(id).orElseThrow();
        events.publishEvent(new WhitelistEvents.ApplicationSubmitted(application.snapshot()));
        tellReviewers(application);
        return application;
    }

    /** Submits a returned application again, corrected. The same door applies. */
    @Transactional
    public WhitelistApplication resubmit(AccountPrincipal me, long id, ApplicationForm form) {
        var before = readable(me, id);
        if (before.applicantUnitId() != me.unitId() || !APPLICANTS.contains(me.role())) {
            throw new WhitelistNotFoundException("application " + id);
        }
        if (before.state() != ApplicationState.RETURNED) {
            throw new RuleViolation(null, "whitelist.error.not-returned");
        }
        check(form, units.get(before.reviewingUnitId()));
        var state = form.bannedDemands().isEmpty() ? ApplicationState.SUBMITTED : ApplicationState.REFUSED;
        if (!repository.resubmit(id, form.version(), form, state, null, me.username(), clock.instant())) {
            throw new EditConflictException("application " + id);
        }
        var after = repository.find(id).orElseThrow();
        events.publishEvent(new WhitelistEvents.ApplicationResubmitted(before.snapshot(), after.snapshot()));
        tellReviewers(after);
        return after;
    }

    /** Whether this person may correct and resubmit the application now. */
    public boolean editableBy(AccountPrincipal me, WhitelistApplication application) {
        return application.state() == ApplicationState.RETURNED && application.applicantUnitId() == me.unitId()
                && APPLICANTS.contains(me.role());
    }

    /** The education commission that reviews applications of a unit: its own, or the one it hangs off. */
    Unit reviewerOf(Unit applicant) {
        return units.commissionOf(applicant).orElseThrow(() -> new RuleViolation(null, "whitelist.error.schools-do-not-apply"));
    }

    private static Level levelOf(Unit reviewer) {
        return reviewer.type() == UnitType.CITY ? Level.CITY : Level.DISTRICT;
    }

    private void check(ApplicationForm form, Unit reviewer) {
        var thisYear = LocalDate.now(clock).getYear();
        if (form.year() < thisYear - 1 || form.year() > thisYear + 1) {
            throw new RuleViolation("year", "whitelist.error.year-range", thisYear - 1, thisYear + 1);
        }
        if (form.endsOn().isBefore(form.startsOn())) {
            throw new RuleViolation("endsOn", "whitelist.error.dates-order");
        }
        if (form.startsOn().getYear() != form.year() || form.endsOn().getYear() != form.year()) {
            throw new RuleViolation("startsOn", "whitelist.error.dates-in-year", form.year());
        }
        if (form.stagesOrEmpty().stream().anyMatch(s -> !SCOPE_STAGES.contains(s))) {
            throw new RuleViolation("stages", "whitelist.error.stage");
        }
        for (var schoolId : form.schoolIdsOrEmpty()) {
            var school = units.get(schoolId);
            if (school.type() != UnitType.SCHOOL || !reviewer.contains(school)) {
                throw new RuleViolation("schoolIds", "whitelist.error.school-outside-area");
            }
        }
    }

    /** The stages a scope may name; through-schools are reached through the stages they teach. */
    static final Set<SchoolStage> SCOPE_STAGES = Set.of(SchoolStage.PRIMARY, SchoolStage.JUNIOR, SchoolStage.SENIOR);

    // --- review

    /** What a reviewer decides. */
    public enum Decision {
        APPROVE, REJECT, RETURN
    }

    /**
     * Approves, rejects or returns an application waiting for review. Only the education commission the
     * application was filed with may review it; for anyone else it does not exist. Rejecting and returning
     * need a reason; approving checks the banned demands once more and the caps, then issues the code.
     */
    @Transactional
    public WhitelistApplication review(AccountPrincipal me, long id, int version, Decision decision, String reason) {
        var before = repository.find(id).orElseThrow(() -> new WhitelistNotFoundException("application " + id));
        if (!REVIEWERS.contains(me.role()) || before.reviewingUnitId() != me.unitId()) {
            throw new WhitelistNotFoundException("application " + id);
        }
        if (before.state() != ApplicationState.SUBMITTED) {
            throw new RuleViolation(null, "whitelist.error.not-waiting");
        }
        var cleanReason = reason == null ? "" : reason.strip();
        if (decision != Decision.APPROVE && cleanReason.isEmpty()) {
            throw new RuleViolation("reason", "whitelist.error.reason-required");
        }
        if (cleanReason.length() > 1000) {
            throw new RuleViolation("reason", "whitelist.error.too-long");
        }
        String code = null;
        var to = switch (decision) {
            case APPROVE -> ApplicationState.APPROVED;
            case REJECT -> ApplicationState.REJECTED;
            case RETURN -> ApplicationState.RETURNED;
        };
        if (decision == Decision.APPROVE) {
            if (!before.bannedDemands().isEmpty()) {
                throw new RuleViolation(null, before.bannedDemands().iterator().next().refusalKey());
            }
            checkCaps(before);
            code = newCode();
        }
        if (!repository.review(id, version, to, cleanReason.isEmpty() ? null : cleanReason, code, me.username(),
                clock.instant())) {
            throw new EditConflictException("application " + id);
        }
        var after = repository.find(id).orElseThrow();
        events.publishEvent(new WhitelistEvents.ApplicationReviewed(before.snapshot(), after.snapshot()));
        var applicant = units.get(after.applicantUnitId());
        events.publishEvent(new WhitelistNotice(WhitelistNotice.Type.valueOf("APPLICATION_" + to.name()), applicant.id(),
                Role.fitting(APPLICANTS, applicant.type()), after.activityName(), linkTo(after), units.get(after.reviewingUnitId()).name()));
        return after;
    }

    /** An application waiting for review: its commission's reviewers hear of it (not one refused at the door). */
    private void tellReviewers(WhitelistApplication application) {
        if (application.state() == ApplicationState.SUBMITTED) {
            var reviewer = units.get(application.reviewingUnitId());
            events.publishEvent(new WhitelistNotice(WhitelistNotice.Type.APPLICATION_SUBMITTED, reviewer.id(),
                    Role.fitting(REVIEWERS, reviewer.type()), application.activityName(), linkTo(application),
                    units.get(application.applicantUnitId()).name()));
        }
    }

    private static String linkTo(WhitelistApplication application) {
        return "/whitelist/applications/" + application.id();
    }

    /** Whether this person may review the application now. */
    public boolean reviewableBy(AccountPrincipal me, WhitelistApplication application) {
        return application.state() == ApplicationState.SUBMITTED && REVIEWERS.contains(me.role())
                && application.reviewingUnitId() == me.unitId();
    }

    /**
     * The caps, read as data: one school's whitelist (the city's items and its district's) may hold at
     * most the yearly total, and no school may be reached by more than the semester cap of activities in
     * any semester the new item touches.
     */
    private void checkCaps(WhitelistApplication candidate) {
        var caps = repository.caps();
        var city = units.root().orElseThrow();
        var cityItems = repository.approvedCount(candidate.year(), city.id());
        var districtItems = candidate.level() == Level.CITY
                ? repository.approvedDistrictCounts(candidate.year()).values().stream().mapToInt(Integer::intValue).max().orElse(0)
                : repository.approvedCount(candidate.year(), candidate.reviewingUnitId());
        if (cityItems + districtItems >= caps.yearlyTotal()) {
            throw new RuleViolation(null, "whitelist.error.yearly-cap", caps.yearlyTotal(), candidate.year(),
                    cityItems, districtItems);
        }
        var reviewer = units.get(candidate.reviewingUnitId());
        var schools = units.subtree(reviewer.id()).stream()
                .filter(u -> u.type() == UnitType.SCHOOL && u.enabled() && candidate.reaches(u)).toList();
        for (var semester : Semester.touchedBy(candidate.startsOn(), candidate.endsOn())) {
            var others = repository.approvedOverlapping(semester.first(), semester.last());
            for (var school : schools) {
                var reaching = others.stream().filter(o -> inArea(o, school) && o.reaches(school)).count();
                if (reaching >= caps.schoolSemester()) {
                    throw new RuleViolation(null, "whitelist.error.semester-cap", school.name(), semester.label(),
                            caps.schoolSemester());
                }
            }
        }
    }

    /** Whether a school lies in the area of an item's list: the city's list reaches all, a district's its own. */
    private boolean inArea(WhitelistApplication item, Unit school) {
        return units.isWithin(item.reviewingUnitId(), school.id());
    }

    private String newCode() {
        for (int attempt = 0; attempt < 20; attempt++) {
            var code = ReadableCodes.random(CODE_LENGTH);
            if (!repository.codeTaken(code)) {
                return code;
            }
        }
        throw new IllegalStateException("no free verification code after 20 attempts");
    }

    // --- reading

    /** The application, if the reader's role and unit allow it; otherwise not found. */
    @Transactional(readOnly = true)
    public WhitelistApplication readable(AccountPrincipal me, long id) {
        var application = repository.find(id).orElseThrow(() -> new WhitelistNotFoundException("application " + id));
        if (!READERS.contains(me.role()) || !(units.isWithin(me.unitId(), application.applicantUnitId())
                || units.isWithin(me.unitId(), application.reviewingUnitId()))) {
            throw new WhitelistNotFoundException("application " + id);
        }
        return application;
    }

    /**
     * A name search lists at most this many items: someone checking an activity types more of its name rather than page
     * through more (and the count stops there instead of matching every item of every year).
     */
    static final int SEARCH_LIMIT = 1_000;

    /**
     * A page of the published whitelist, for everyone; {@code nameContains} keeps the items whose name contains it, the
     * first {@link #SEARCH_LIMIT} of them.
     */
    @Transactional(readOnly = true)
    ListPage<WhitelistApplication> published(Level level, Integer year, Category category, String nameContains,
            Integer page) {
        var name = nameContains == null || nameContains.isBlank() ? null : nameContains.strip();
        var filter = new WhitelistRepository.PublishedFilter(level, year, category, name);
        return ListPage.of(page, repository.publishedCount(filter, name == null ? null : SEARCH_LIMIT),
                offset -> repository.published(filter, offset, ListPage.SIZE));
    }

    /** Whether any item is listed at all (the demo data are added to an empty whitelist only). */
    @Transactional(readOnly = true)
    public boolean anyListed() {
        return repository.publishedCount(new WhitelistRepository.PublishedFilter(null, null, null, null), 1) > 0;
    }

    /**
     * A published item with what its public page shows besides the application: the approving commission
     * and the schools it names; and the {@link PublicPageVersion} all this was read at.
     */
    public record Listing(WhitelistApplication item, String approvedBy, List<String> schoolNames, Instant loadedAt,
            long version) {
    }

    /**
     * The listed item with this verification code (dashes, spaces and case do not matter). Not in a transaction
     * of its own: a code not kept is one statement (the item, its schools and the version) and, for units whose
     * names are not known at that version yet, one more.
     */
    public Optional<Listing> listed(String code) {
        var normalised = normalise(code);
        if (normalised == null) {
            return Optional.empty();
        }
        var now = clock.instant();
        var cached = listedByCode.get(normalised);
        if (cached != null && cached.loadedAt().plus(CACHE_TIME).isAfter(now) && cached.version() == version.getAsLong()) {
            return Optional.of(cached);
        }
        var found = repository.findApprovedByCode(normalised).map(approved -> {
            var item = approved.item();
            var names = unitNames.at(approved.version(), item.schoolIds(), item.reviewingUnitId());
            return new Listing(item, names.get(item.reviewingUnitId()), item.schoolIds().stream().map(names::get).toList(),
                    now, approved.version());
        });
        found.ifPresent(listing -> {
            if (listedByCode.size() >= CACHE_LIMIT) {
                listedByCode.clear();
            }
            listedByCode.put(normalised, listing);
        });
        return found;
    }

    static String normalise(String code) {
        if (code == null) {
            return null;
        }
        var clean = ReadableCodes.clean(code);
        return clean.length() == CODE_LENGTH ? clean : null;
    }

    /** The schools an item names, by name, for its page. */
    @Transactional(readOnly = true)
    public List<Unit> namedSchools(WhitelistApplication item) {
        return item.schoolIds().stream().map(units::get).toList();
    }

    @Transactional(readOnly = true)
    public Unit unit(long id) {
        return units.get(id);
    }

    /** The names of these units by id, in one read: for a page of rows naming their units. */
    @Transactional(readOnly = true)
    Map<Long, String> unitNames(Collection<Long> ids) {
        return units.byIds(Set.copyOf(ids)).stream().collect(Collectors.toMap(Unit::id, Unit::name));
    }

    /**
     * The schools an application names, by name, as the form shows them again; others are found by typing
     * ({@code unit/picker.html}, which searches the area of the reviewing commission).
     */
    @Transactional(readOnly = true)
    List<org.jianfu.unit.UnitChoice> chosenSchools(AccountPrincipal me, List<Long> schoolIds) {
        return units.chosen(me, schoolIds);
    }

    @Transactional(readOnly = true)
    Level levelFor(AccountPrincipal me) {
        return levelOf(reviewerOf(units.get(me.unitId())));
    }

    // --- hosted activities

    /**
     * A school records that it hosted a listed activity on a day. The activity must be listed for this
     * school (its area and scope) and the day in its window; a new activity must fit the semester cap.
     */
    @Transactional
    public void recordHosted(AccountPrincipal me, String code, LocalDate day) {
        if (me.role() != Role.SCHOOL_USER) {
            throw new org.springframework.security.access.AccessDeniedException("schools only");
        }
        if (day == null) {
            throw new RuleViolation("hostedOn", "whitelist.error.day-required");
        }
        var item = listed(code).orElseThrow(() -> new RuleViolation("code", "whitelist.error.not-listed")).item();
        var school = units.get(me.unitId());
        if (!inArea(item, school) || !item.reaches(school)) {
            throw new RuleViolation("code", "whitelist.error.school-out-of-scope");
        }
        if (!item.covers(day)) {
            throw new RuleViolation("hostedOn", "whitelist.error.day-outside-window", item.startsOn(), item.endsOn());
        }
        if (repository.hostedExists(item.id(), school.id(), day)) {
            throw new RuleViolation("hostedOn", "whitelist.error.already-recorded");
        }
        var semester = Semester.of(day);
        var caps = repository.caps();
        if (!repository.hostedActivity(school.id(), item.id(), semester.first(), semester.last())
                && repository.hostedActivities(school.id(), semester.first(), semester.last()) >= caps.schoolSemester()) {
            throw new RuleViolation(null, "whitelist.error.semester-cap", school.name(), semester.label(),
                    caps.schoolSemester());
        }
        var id = repository.insertHosted(item.id(), school.id(), day, me.username(), clock.instant());
        events.publishEvent(new WhitelistEvents.ActivityHosted(id, new WhitelistEvents.Hosted(item.id(), school.id(), day)));
    }

    /** The listed activities that name this school, under way today, that it has not recorded as hosted. */
    @Transactional(readOnly = true)
    List<WhitelistApplication> toConfirm(AccountPrincipal me) {
        return repository.toConfirm(me.unitId(), LocalDate.now(clock));
    }

    @Transactional(readOnly = true)
    List<WhitelistRepository.Hosted> hostedBy(AccountPrincipal me) {
        return repository.hostedBy(me.unitId());
    }

    // --- caps

    @Transactional(readOnly = true)
    public Caps caps() {
        return repository.caps();
    }

    @Transactional
    public Caps changeCaps(AccountPrincipal me, int version, int yearlyTotal, int schoolSemester) {
        if (me.role() != Role.CITY_ADMIN) {
            throw new org.springframework.security.access.AccessDeniedException("city admins only");
        }
        if (yearlyTotal < 1 || yearlyTotal > 1000) {
            throw new RuleViolation("yearlyTotal", "whitelist.error.cap-range");
        }
        if (schoolSemester < 1 || schoolSemester > 1000) {
            throw new RuleViolation("schoolSemester", "whitelist.error.cap-range");
        }
        var before = repository.caps();
        if (!repository.updateCaps(version, yearlyTotal, schoolSemester, me.username(), clock.instant())) {
            throw new EditConflictException("whitelist caps");
        }
        var after = repository.caps();
        events.publishEvent(new WhitelistEvents.CapsChanged(before, after));
        return after;
    }

    // --- figures

    @Transactional(readOnly = true)
    Map<Long, List<WhitelistRepository.Tally>> tally(Collection<Long> reviewingUnitIds, int year) {
        return repository.tally(reviewingUnitIds, year);
    }
}
