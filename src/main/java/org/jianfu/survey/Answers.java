package org.jianfu.survey;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jianfu.platform.RuleViolation;
import org.jianfu.unit.SchoolChanged;
import org.jianfu.unit.Units;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Teachers' answers, given without an account on a school's link with one of the school's single-use codes. The code's hash
 * is deleted and the answer inserted in one statement, so a code answers once; nothing in the answer refers to the code,
 * the school, the time or the request (README, "Burden survey"). Nothing here is logged or audited.
 */
@Service
public class Answers {

    private final SurveyRepository surveys;
    private final Units units;
    private final AnswerWriter writer;
    private final Map<String, Place> places = new ConcurrentHashMap<>();
    private final Map<Long, List<SurveyQuestion>> openWaveQuestions = new ConcurrentHashMap<>();

    /** Links whose places are kept: one for each school of a large province, and then they are read afresh. */
    static final int MOST_PLACES_KEPT = 100_000;

    Answers(SurveyRepository surveys, Units units, AnswerWriter writer) {
        this.surveys = surveys;
        this.units = units;
        this.writer = writer;
    }

    /** What the public answer page shows: the wave, its questions and the school's name. */
    public record Form(SurveyWave wave, List<SurveyQuestion> questions, String schoolName) {
    }

    @Transactional(readOnly = true)
    public Form form(String token) {
        var link = surveys.linkByToken(token).orElseThrow(() -> new SurveyNotFoundException("link"));
        var wave = surveys.wave(link.waveId()).orElseThrow();
        return new Form(wave, surveys.questions(wave.id()), units.get(link.schoolId()).name());
    }

    /**
     * Records one answer with a code of the link's school, and returns once it is committed. The values are read by question
     * as typed ({@code q<id>}); a blank number of hours counts as none. Refused, with nothing written and the code still
     * unused, when a value is out of range, the wave is not open, or the code is unknown or used already.
     *
     * <p>The busiest public route, so it reads nothing from the database when it can help it: a link's school, district and
     * type are kept by token (a link never changes; a school's type may, and {@link #schoolChanged} then forgets them), and
     * a wave's questions once it is seen open (an open wave's questions are fixed). Whether the wave is still open is
     * checked by the statement that writes, which {@link AnswerWriter} runs for the answers arriving together.
     */
    public void submit(String token, String code, Map<String, String> typed) {
        var place = place(token);
        var questions = openWaveQuestions.get(place.waveId());
        if (questions == null) {
            var wave = surveys.wave(place.waveId()).orElseThrow();
            if (wave.state() != SurveyWave.State.OPEN) {
                throw new RuleViolation(null, "survey.error.closed");
            }
            questions = List.copyOf(surveys.questions(wave.id()));
            openWaveQuestions.put(wave.id(), questions);
        }
        var values = new ArrayList<AnswerRepository.Value>();
        String stage = null;
        var total = BigDecimal.ZERO;
        for (var q : questions) {
            var text = typed.get("q" + q.id());
            text = text == null ? "" : text.strip();
            var field = "q" + q.id();
            switch (q.kind()) {
                case HOURS -> {
                    var hours = text.isEmpty() ? BigDecimal.ZERO : number(text, field, "survey.error.hours-value");
                    if (hours.signum() < 0 || hours.compareTo(BigDecimal.valueOf(SurveyQuestion.MAX_HOURS)) > 0 
                            || hours.stripTrailingZeros().scale() > 1) {
                        throw new RuleViolation(field, "survey.error.hours-value");
                    }
                    total = total.add(hours);
                    values.add(new AnswerRepository.Value(q.id(), hours, null));
                }
                case SCALE -> {
                    if (!text.isEmpty()) {
                        var point = number(text, field, "survey.error.scale");
                        if (point.stripTrailingZeros().scale() > 0 || point.intValue() < 1 || point.intValue() > 5) {
                            throw new RuleViolation(field, "survey.error.scale");
                        }
                        values.add(new AnswerRepository.Value(q.id(), point, null));
                    }
                }
                case STAGE -> {
                    if (!text.isEmpty()) {
                        if (!SurveyQuestion.STAGES.contains(text)) {
                            throw new RuleViolation(field, "survey.error.stage");
                        }
                        stage = text;
                    }
                }
                case TEXT -> {
                    if (!text.isEmpty()) {
                        if (text.length() > SurveyQuestion.MAX_COMMENT) {
                            throw new RuleViolation(field, "survey.error.comment", SurveyQuestion.MAX_COMMENT);
                        }
                        values.add(new AnswerRepository.Value(q.id(), null, text));
                    }
                }
            }
        }
        if (total.compareTo(BigDecimal.valueOf(SurveyQuestion.MAX_TOTAL_HOURS)) > 0) {
            throw new RuleViolation(null, "survey.error.total", SurveyQuestion.MAX_TOTAL_HOURS);
        }
        if (code == null || code.isBlank()) {
            throw new RuleViolation("code", "survey.error.code");
        }
        var cell = new AnswerRepository.Cell(place.waveId(), place.districtId(), place.schoolType(), stage);
        if (!writer.write(new AnswerRepository.Answer(place.schoolId(), Surveys.hash(code), cell, values))) {
            // Refused by the statement: the wave closed since its questions were kept, or the code is not an unused one.
            var open = surveys.wave(place.waveId()).map(w -> w.state() == SurveyWave.State.OPEN).orElse(false);
            throw open ? new RuleViolation("code", "survey.error.code") : new RuleViolation(null, "survey.error.closed");
        }
    }

    /** The school a link is for, and where its answers count. */
    private record Place(long waveId, long schoolId, long districtId, String schoolType) {
    }

    private Place place(String token) {
        var place = places.get(token);
        if (place == null) {
            var link = surveys.linkByToken(token).orElseThrow(() -> new SurveyNotFoundException("link"));
            var school = units.get(link.schoolId());
            place = new Place(link.waveId(), school.id(), school.parentId(), school.stage().name());
            if (places.size() >= MOST_PLACES_KEPT) {
                places.clear();
            }
            places.put(token, place);
        }
        return place;
    }

    /** A school's type may have changed: its links' places are read again (after the commit, so not the old ones). */
    @TransactionalEventListener(fallbackExecution = true)
    void schoolChanged(SchoolChanged changed) {
        places.clear();
    }

    private static BigDecimal number(String text, String field, String messageKey) {
        try {
            return new BigDecimal(text);
        }
        catch (NumberFormatException e) {
            throw new RuleViolation(field, messageKey);
        }
    }
}
