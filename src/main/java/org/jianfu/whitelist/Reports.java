package org.jianfu.whitelist;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.platform.EditConflictException;
import org.jianfu.platform.ListPage;
import org.jianfu.platform.ReadableCodes;
import org.jianfu.platform.RuleViolation;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reports of unlisted or out-of-scope requests and banned demands, of data collections that arrived without a register
 * code, and of non-teaching trainings imposed without the education department's approval (each report's
 * {@link Report.Subject}): filed by schools or anonymously by teachers, handled by the district
 * commission, seen by the city. A receipt code lets the reporter follow the state; the code itself is never stored, only
 * its hash. The one mechanism of anonymous reports: another register's reports join it as a subject.
 */
@Service
public class Reports {

    static final Set<Role> HANDLERS = Set.of(Role.DISTRICT_REPORTER, Role.DISTRICT_APPROVER);
    private static final Set<Role> CITY_READERS = Set.of(Role.CITY_ADMIN, Role.SUPERVISOR);
    private static final int RECEIPT_LENGTH = 12;

    private final ReportRepository repository;
    private final Whitelist whitelist;
    private final Units units;
    private final AnonymousReportLimiter limiter;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Reports(ReportRepository repository, Whitelist whitelist, Units units, AnonymousReportLimiter limiter,
            ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.whitelist = whitelist;
        this.units = units;
        this.limiter = limiter;
        this.events = events;
        this.clock = clock;
    }

    /** A report filed and the receipt code to give the reporter, once. */
    public record Filed(Report report, String receiptCode) {
    }

    /** A school user reports in the school's name, to the school's district. */
    @Transactional
    public Filed fileBySchool(AccountPrincipal me, ReportForm form) {
        if (me.role() != Role.SCHOOL_USER) {
            throw new AccessDeniedException("schools only");
        }
        var school = units.get(me.unitId());
        return file(school.parentId(), school.id(), form, school.id(), me.username());
    }

    /**
     * A teacher reports without an account. The address is used only for the rate limit, as a keyed hash
     * deleted with its window together with the key; no account, unit, session or time of day goes into the
     * report or its audit row.
     */
    @Transactional
    public Filed fileAnonymously(String senderAddress, ReportForm form) {
        if (form.districtId() == null) {
            throw new RuleViolation("districtId", "whitelist.error.district-required");
        }
        var district = units.get(form.districtId());
        if (district.type() != UnitType.DISTRICT || !district.enabled()) {
            throw new RuleViolation("districtId", "whitelist.error.district-required");
        }
        Long schoolId = null;
        if (form.schoolId() != null) {
            var school = units.get(form.schoolId());
            if (school.type() != UnitType.SCHOOL || !district.contains(school)) {
                throw new RuleViolation("schoolId", "whitelist.error.school-outside-district");
            }
            schoolId = school.id();
        }
        checkForm(form);
        if (!limiter.tryAcquire(senderAddress)) {
            throw new RuleViolation(null, "whitelist.error.too-many-reports");
        }
        return file(district.id(), schoolId, form, null, null);
    }

    private Filed file(long districtId, Long schoolId, ReportForm form, Long filedByUnitId, String filedBy) {
        checkForm(form);
        Long applicationId = null;
        // a whitelist code names the item a campus-entry report is about; other subjects have no whitelist item
        if (form.kind() == Report.Kind.OUT_OF_SCOPE
                || form.kind().subject() == Report.Subject.CAMPUS_ENTRY && form.code() != null && !form.code().isBlank()) {
            var item = whitelist.listed(form.code())
                    .orElseThrow(() -> new RuleViolation("code", "whitelist.error.report-code-unknown"));
            applicationId = item.item().id();
        }
        var receipt = ReadableCodes.random(RECEIPT_LENGTH);
        var id = repository.insert(districtId, schoolId, form, applicationId, filedByUnitId, filedBy, hash(receipt),
                LocalDate.now(clock));
        var report = repository.find(id).orElseThrow();
        events.publishEvent(new WhitelistEvents.ReportFiled(report.snapshot()));
        // The district's handlers hear of it; an anonymous report names no sender, so neither does the notification.
        var district = units.get(districtId);
        events.publishEvent(new WhitelistNotice(WhitelistNotice.Type.REPORT_FILED, districtId, Role.fitting(HANDLERS, district.type()),
                report.requester(), linkTo(report), filedByUnitId == null ? null : units.get(filedByUnitId).name()));
        return new Filed(report, ReadableCodes.grouped(receipt));
    }

    private static void checkForm(ReportForm form) {
        if (form.kind() == Report.Kind.BANNED_DEMAND && form.bannedDemand() == null) {
            throw new RuleViolation("bannedDemand", "whitelist.error.banned-demand-required");
        }
        if (form.occurredOn() != null && form.occurredOn().getYear() < 2000) {
            throw new RuleViolation("occurredOn", "whitelist.error.day-required");
        }
    }

    /** The state of the report with this receipt code, and nothing else. */
    @Transactional(readOnly = true)
    public Optional<Report.State> status(String receiptCode) {
        var clean = ReadableCodes.clean(receiptCode);
        if (clean.length() != RECEIPT_LENGTH) {
            return Optional.empty();
        }
        return repository.stateByReceipt(hash(clean));
    }

    // --- district handling, city overview

    /** The report, if the reader may see it: the district it was sent to, the city, or the school that filed it. */
    @Transactional(readOnly = true)
    public Report readable(AccountPrincipal me, long id) {
        var report = repository.find(id).orElseThrow(() -> new WhitelistNotFoundException("report " + id));
        var allowed = switch (me.role()) {
            case DISTRICT_REPORTER, DISTRICT_APPROVER -> report.districtId() == me.unitId();
            case CITY_ADMIN, SUPERVISOR -> units.isWithin(me.unitId(), report.districtId());
            case SCHOOL_USER -> report.filedByUnitId() != null && report.filedByUnitId() == me.unitId();
            default -> false;
        };
        if (!allowed) {
            throw new WhitelistNotFoundException("report " + id);
        }
        return report;
    }

    /**
     * A page of the reports this person may read: a school those it filed, a district those sent to it, the city those
     * of its districts. With {@code districtId}, that district's reports (received in {@code year} if given: the rows of
     * the district's ledger figure), those not yet handled first; the district must be in the reader's scope (not found
     * otherwise).
     */
    @Transactional(readOnly = true)
    ListPage.ByState<Report.State, Report> list(AccountPrincipal me, Long districtId, Integer year, Report.Subject subject,
            Report.State state, Integer page) {
        var filter = filterFor(me, districtId, year, subject, state);
        return ListPage.ByState.of(repository.reportsByState(filter), state, page, offset -> repository.reports(filter, offset, ListPage.SIZE));
    }

    private ReportRepository.ReportFilter filterFor(AccountPrincipal me, Long districtId, Integer year, Report.Subject subject,
            Report.State state) {
        if (me.role() == Role.SCHOOL_USER) {
            return new ReportRepository.ReportFilter(null, me.unitId(), null, null, subject, state);
        }
        requireReader(me);
        if (districtId != null && units.getInScope(me, districtId).type() != UnitType.DISTRICT) {
            throw new WhitelistNotFoundException("district " + districtId);
        }
        var own = units.get(me.unitId());
        // the city's districts are every district: no ids to pass
        var scope = own.parentId() == null ? null : units.districtIdsUnder(own.id());
        return new ReportRepository.ReportFilter(scope, null, districtId, districtId == null ? null : year, subject, state);
    }

    private static void requireReader(AccountPrincipal me) {
        if (!HANDLERS.contains(me.role()) && !CITY_READERS.contains(me.role())) {
            throw new AccessDeniedException("no reports for " + me.role());
        }
    }

    /** For the city: a page of its districts, each with its reports received and handled; for anyone else none. */
    @Transactional(readOnly = true)
    ListPage<ReportRepository.DistrictCount> countsPerDistrict(AccountPrincipal me, Report.Subject subject, Integer page) {
        if (!CITY_READERS.contains(me.role()) || units.get(me.unitId()).type() != UnitType.CITY) {
            return new ListPage<>(List.of(), 0, 0);
        }
        return ListPage.of(page, repository.districtsOf(me.unitId()),
                offset -> repository.countsPerDistrict(me.unitId(), subject, offset, ListPage.SIZE));
    }

    /** Reports received in a year and how many of them are handled: a ledger figure. */
    public record Received(int received, int handled) {
    }

    /** Each of these districts' reports of one subject received in a year, and how many are handled (one query). */
    @Transactional(readOnly = true)
    public Map<Long, Received> receivedIn(Report.Subject subject, Collection<Long> districtIds, int year) {
        var received = new java.util.HashMap<Long, Received>();
        repository.countsOf(districtIds, year).forEach((district, byKind) -> {
            int in = 0;
            int handled = 0;
            for (var kind : subject.kinds()) {
                var count = byKind.get(kind);
                if (count != null) {
                    in += count.received();
                    handled += count.handled();
                }
            }
            received.put(district, new Received(in, handled));
        });
        return received;
    }

    /** The list of a district's reports of one subject received in a year: the rows of its ledger figure. */
    public static String listOf(Report.Subject subject, long districtId, int year) {
        return "/whitelist/reports?district=" + districtId + "&year=" + year + "&subject=" + subject.name();
    }

    /** Whether this person records the handling of the report. */
    public boolean handledBy(AccountPrincipal me, Report report) {
        return HANDLERS.contains(me.role()) && report.districtId() == me.unitId();
    }

    /** The district records what it did and the outcome; handled needs an outcome. */
    @Transactional
    public Report handle(AccountPrincipal me, long id, int version, Report.State state, String handling, String outcome) {
        var before = repository.find(id).orElseThrow(() -> new WhitelistNotFoundException("report " + id));
        if (!handledBy(me, before)) {
            throw new WhitelistNotFoundException("report " + id);
        }
        var cleanHandling = handling == null ? "" : handling.strip();
        var cleanOutcome = outcome == null ? "" : outcome.strip();
        if (state == null || state == Report.State.RECEIVED) {
            throw new RuleViolation("state", "whitelist.error.handling-state");
        }
        if (cleanHandling.isEmpty()) {
            throw new RuleViolation("handling", "whitelist.error.handling-required");
        }
        if (state == Report.State.HANDLED && cleanOutcome.isEmpty()) {
            throw new RuleViolation("outcome", "whitelist.error.outcome-required");
        }
        if (cleanHandling.length() > 2000 || cleanOutcome.length() > 2000) {
            throw new RuleViolation("handling", "whitelist.error.too-long");
        }
        if (!repository.handle(id, version, state, cleanHandling, cleanOutcome.isEmpty() ? null : cleanOutcome,
                LocalDate.now(clock), me.username())) {
            throw new EditConflictException("report " + id);
        }
        var after = repository.find(id).orElseThrow();
        events.publishEvent(new WhitelistEvents.ReportHandled(before.snapshot(), after.snapshot()));
        // The school that filed it follows its handling; an anonymous reporter follows it with the receipt code.
        if (after.filedByUnitId() != null && after.state() != before.state()) {
            events.publishEvent(new WhitelistNotice(WhitelistNotice.Type.valueOf("REPORT_" + after.state().name()),
                    after.filedByUnitId(), Set.of(Role.SCHOOL_USER), after.requester(), linkTo(after), units.get(after.districtId()).name()));
        }
        return after;
    }

    private static String linkTo(Report report) {
        return "/whitelist/reports/" + report.id();
    }

    /** The districts an anonymous teacher may send a report to, and their schools. */
    @Transactional(readOnly = true)
    List<Unit> districts() {
        // Before the first units exist (a new installation) there is nobody to send a report to: an empty choice, not an error.
        return units.root().map(city -> units.children(city.id()).stream()
                .filter(u -> u.type() == UnitType.DISTRICT && u.enabled()).toList()).orElse(List.of());
    }

    /** The school a report form names, by name, when the public may name it: the form shown again keeps it. */
    @Transactional(readOnly = true)
    List<org.jianfu.unit.UnitChoice> chosenSchool(Long schoolId) {
        return units.chosenPublicSchool(schoolId);
    }

    private static String hash(String receipt) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(receipt.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
