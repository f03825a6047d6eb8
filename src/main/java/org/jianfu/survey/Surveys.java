package org.jianfu.survey;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.platform.EditConflictException;
import org.jianfu.platform.ReadableCodes;
import org.jianfu.platform.RuleViolation;
import org.jianfu.platform.Years;
import org.jianfu.unit.Units;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The survey's waves as the city admin defines them (questions as data, copied from the default questionnaire and changed
 * while the wave is a draft), opened for answers (every enabled school then has a link) and closed; the single-use codes a
 * school hands out to its teachers, shown once in clear and kept only as hashes; the settings. Every change is audited.
 */
@Service
public class Surveys {

    /** The length of a code (31 letters and digits: about 59 bits), printed in groups of four. */
    static final int CODE_LENGTH = 12;
    static final int TOKEN_LENGTH = 10;
    static final int MAX_CODES_AT_ONCE = 300;

    private final SurveyRepository repository;
    private final SurveyAccess access;
    private final Units units;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Surveys(SurveyRepository repository, SurveyAccess access, Units units, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.access = access;
        this.units = units;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public SurveyWave create(AccountPrincipal me, String name, Integer year) {
        access.requireCityAdmin(me);
        var shownName = text(name, "name", 100);
        if (year == null) {
            throw new RuleViolation("year", "survey.error.year");
        }
        var id = repository.insertWave(shownName, Years.checked(year), clock.instant(), me.displayName());
        var wave = repository.wave(id).orElseThrow();
        events.publishEvent(SurveyEvents.SurveyChanged.of("wave-created", "survey-wave", id, null,
                Map.of("wave", wave, "questions", repository.questions(id).size())));
        return wave;
    }

    @Transactional(readOnly = true)
    public List<SurveyWave> waves(AccountPrincipal me) {
        access.requireReader(me);
        return repository.waves();
    }

    @Transactional(readOnly = true)
    public SurveyWave wave(AccountPrincipal me, long waveId) {
        access.requireReader(me);
        return wave(waveId);
    }

    SurveyWave wave(long waveId) {
        return repository.wave(waveId).orElseThrow(() -> new SurveyNotFoundException("wave " + waveId));
    }

    @Transactional(readOnly = true)
    public List<SurveyQuestion> questions(long waveId) {
        return repository.questions(waveId);
    }

    /** Adds a question to a wave still being prepared. */
    @Transactional
    public SurveyQuestion addQuestion(AccountPrincipal me, long waveId, SurveyQuestion.Kind kind, SurveyQuestion.Work work,
            SurveyQuestion.Demand demand, String label) {
        access.requireCityAdmin(me);
        var wave = draft(waveId);
        var shown = text(label, "label", 300);
        if (kind == null) {
            throw new RuleViolation("kind", "survey.error.kind");
        }
        var questions = repository.questions(waveId);
        if (kind == SurveyQuestion.Kind.STAGE && questions.stream().anyMatch(q -> q.kind() == SurveyQuestion.Kind.STAGE)) {
            throw new RuleViolation("kind", "survey.error.one-stage");
        }
        var hours = kind == SurveyQuestion.Kind.HOURS;
        if (hours && work == null) {
            throw new RuleViolation("work", "survey.error.work");
        }
        if (demand != null && (!hours || work != SurveyQuestion.Work.NON_TEACHING)) {
            throw new RuleViolation("demand", "survey.error.demand");
        }
        var code = "Q" + (questions.stream().mapToInt(SurveyQuestion::position).max().orElse(0) + 1);
        var id = repository.insertQuestion(waveId, code, kind, hours ? work : null, hours ? demand : null, shown);
        var added = repository.questions(waveId).stream().filter(q -> q.id() == id).findFirst().orElseThrow();
        events.publishEvent(SurveyEvents.SurveyChanged.of("question-added", "survey-wave", wave.id(), null, added));
        return added;
    }

    @Transactional
    public void removeQuestion(AccountPrincipal me, long waveId, long questionId) {
        access.requireCityAdmin(me);
        draft(waveId);
        var question = repository.questions(waveId).stream().filter(q -> q.id() == questionId).findFirst()
                .orElseThrow(() -> new SurveyNotFoundException("question " + questionId));
        repository.deleteQuestion(waveId, questionId);
        events.publishEvent(SurveyEvents.SurveyChanged.of("question-removed", "survey-wave", waveId, question, null));
    }

    /** Opens a draft wave for answers: every enabled school gets its link. */
    @Transactional
    public SurveyWave open(AccountPrincipal me, long waveId, int version) {
        access.requireCityAdmin(me);
        var before = wave(waveId);
        if (repository.questions(waveId).stream().noneMatch(q -> q.kind() == SurveyQuestion.Kind.HOURS)) {
            throw new RuleViolation(null, "survey.error.no-hours");
        }
        if (!repository.setState(waveId, version, SurveyWave.State.DRAFT, SurveyWave.State.OPEN)) {
            throw new EditConflictException("survey wave " + waveId);
        }
        var root = units.root().orElseThrow();
        repository.linkSchools(waveId, units.enabledSchoolsUnder(root.id()).stream().map(org.jianfu.unit.SchoolPlace::id).toList(),
                () -> ReadableCodes.random(TOKEN_LENGTH));
        var after = wave(waveId);
        events.publishEvent(SurveyEvents.SurveyChanged.of("wave-opened", "survey-wave", waveId, before, after));
        return after;
    }

    @Transactional
    public SurveyWave close(AccountPrincipal me, long waveId, int version) {
        access.requireCityAdmin(me);
        var before = wave(waveId);
        if (!repository.setState(waveId, version, SurveyWave.State.OPEN, SurveyWave.State.CLOSED)) {
            throw new EditConflictException("survey wave " + waveId);
        }
        var after = wave(waveId);
        events.publishEvent(SurveyEvents.SurveyChanged.of("wave-closed", "survey-wave", waveId, before, after));
        return after;
    }

    /** A school's link of a wave, made on first need for a school enabled after the wave opened. */
    @Transactional
    public SchoolLink link(AccountPrincipal me, long waveId, long schoolId) {
        var school = access.school(me, schoolId);
        var wave = wave(waveId);
        if (wave.state() == SurveyWave.State.DRAFT) {
            throw new RuleViolation(null, "survey.error.not-open");
        }
        if (repository.link(waveId, school.id()).isEmpty()) {
            repository.linkSchool(waveId, school.id(), ReadableCodes.random(TOKEN_LENGTH));
        }
        return repository.link(waveId, school.id()).orElseThrow();
    }

    /** The links of these schools in a wave (those that have one), by school. */
    @Transactional(readOnly = true)
    public Map<Long, SchoolLink> links(long waveId, List<Long> schoolIds) {
        return schoolIds.isEmpty() ? Map.of() : repository.links(waveId, schoolIds);
    }

    /**
     * New single-use codes for a school's teachers, returned in clear this once for the printed sheet; only their hashes are
     * kept, with the school, and the audit row records how many, not which.
     */
    @Transactional
    public List<String> issueCodes(AccountPrincipal me, long waveId, long schoolId, Integer count) {
        var school = access.issuingSchool(me, schoolId);
        var wave = wave(waveId);
        if (wave.state() != SurveyWave.State.OPEN) {
            throw new RuleViolation("count", "survey.error.not-open");
        }
        if (count == null || count < 1 || count > MAX_CODES_AT_ONCE) {
            throw new RuleViolation("count", "survey.error.count", MAX_CODES_AT_ONCE);
        }
        var before = link(me, waveId, school.id());
        var codes = new ArrayList<String>(count);
        var hashes = new ArrayList<byte[]>(count);
        for (int i = 0; i < count; i++) {
            var code = ReadableCodes.random(CODE_LENGTH);
            codes.add(code);
            hashes.add(hash(code));
        }
        repository.insertCodes(waveId, school.id(), hashes);
        events.publishEvent(SurveyEvents.SurveyChanged.of("codes-issued", "survey-school", waveId + "/" + school.id(),
                Map.of("school", school.name(), "issued", before.codesIssued()),
                Map.of("school", school.name(), "issued", before.codesIssued() + count)));
        return codes.stream().map(ReadableCodes::grouped).toList();
    }

    @Transactional(readOnly = true)
    public SurveyRepository.Settings settings() {
        return repository.settings();
    }

    @Transactional
    public void changeSettings(AccountPrincipal me, int version, Integer minGroupSize, BigDecimal hours, Integer items) {
        access.requireCityAdmin(me);
        if (minGroupSize == null || minGroupSize < 5 || minGroupSize > 1000) {
            throw new RuleViolation("minGroupSize", "survey.error.min-group");
        }
        if (hours == null || hours.signum() < 0 || hours.compareTo(BigDecimal.valueOf(SurveyQuestion.MAX_HOURS)) > 0) {
            throw new RuleViolation("inspectionHours", "survey.error.hours");
        }
        if (items == null || items < 0) {
            throw new RuleViolation("registerItems", "survey.error.items");
        }
        var before = repository.settings();
        if (!repository.updateSettings(version, minGroupSize, hours, items)) {
            throw new EditConflictException("survey settings");
        }
        events.publishEvent(SurveyEvents.SurveyChanged.of("settings-changed", "survey-settings", 1, before, repository.settings()));
    }

    /** The hash a code is kept under: SHA-256 of the code as typed, cleaned of case, spaces and dashes. */
    static byte[] hash(String code) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(("jianfu-survey-code:" + ReadableCodes.clean(code))
                    .getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private SurveyWave draft(long waveId) {
        var wave = wave(waveId);
        if (wave.state() != SurveyWave.State.DRAFT) {
            throw new RuleViolation(null, "survey.error.not-draft");
        }
        return wave;
    }

    static String text(String value, String field, int max) {
        if (!StringUtils.hasText(value)) {
            throw new RuleViolation(field, "survey.error.required");
        }
        if (value.strip().length() > max) {
            throw new RuleViolation(field, "survey.error.too-long", max);
        }
        return value.strip();
    }
}
