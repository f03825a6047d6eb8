package org.jianfu.survey;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jianfu.platform.RuleViolation;
import org.jianfu.unit.Units;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Teachers' answers, given without an account on a school's link with one of the school's single-use codes. The code's hash
 * is deleted and the answer inserted in one statement, so a code answers once; nothing in the answer refers to the code,
 * the school, the time or the request (README, "Burden survey"). Nothing here is logged or audited.
 */
@Service
public class Answers {

    private final SurveyRepository surveys;
    private final AnswerRepository answers;
    private final Units units;

    Answers(SurveyRepository surveys, AnswerRepository answers, Units units) {
        this.surveys = surveys;
        this.answers = answers;
        this.units = units;
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
     * Records one answer with a code of the link's school. The values are read by question as typed ({@code q<id>}); a blank
     * number of hours counts as none. Refused, with nothing written and the code still unused, when a value is out of range,
     * the wave is not open, or the code is unknown or used already.
     *
     * <p>Not in a transaction of its own: the reads each take a connection for a moment, and the one statement that writes
     * (code, answer, values, counts; it checks again that the wave is open) is atomic by itself. So a connection is held only
     * while PostgreSQL works and commits, not while this thread checks the form, which is what limits answers a second.
     */
    public void submit(String token, String code, Map<String, String> typed) {
        var link = surveys.linkByToken(token).orElseThrow(() -> new SurveyNotFoundException("link"));
        var wave = surveys.wave(link.waveId()).orElseThrow();
        if (wave.state() != SurveyWave.State.OPEN) {
            throw new RuleViolation(null, "survey.error.closed");
        }
        var values = new ArrayList<AnswerRepository.Value>();
        String stage = null;
        var total = BigDecimal.ZERO;
        for (var q : surveys.questions(wave.id())) {
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
        var school = units.get(link.schoolId());
        var cell = new AnswerRepository.Cell(wave.id(), school.parentId(), school.stage().name(), stage);
        if (code == null || code.isBlank() || !answers.record(school.id(), Surveys.hash(code), cell, values)) {
            throw new RuleViolation("code", "survey.error.code");
        }
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
