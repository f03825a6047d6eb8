package org.jianfu.survey;

import org.jianfu.unit.Units;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the city's supervision office, when a wave closes, which districts its results mark (many hours on inspections
 * reported, few inspection items registered): one notice per district, in the closing transaction, linking to the results.
 */
@Component
class MarkedDistricts {

    private final SurveyResults results;
    private final SurveyRepository surveys;
    private final Units units;
    private final ApplicationEventPublisher events;

    MarkedDistricts(SurveyResults results, SurveyRepository surveys, Units units, ApplicationEventPublisher events) {
        this.results = results;
        this.surveys = surveys;
        this.units = units;
        this.events = events;
    }

    @EventListener
    void on(SurveyEvents.SurveyChanged changed) {
        if (!changed.action().equals("survey.wave-closed")) {
            return;
        }
        var wave = surveys.wave(Long.parseLong(changed.objectId())).orElseThrow();
        var settings = surveys.settings();
        var city = units.root().orElseThrow();
        for (var mark : results.marks(wave, null, settings.minGroupSize(), settings)) {
            events.publishEvent(new SurveyNotice(city.id(), wave.name(), "/survey/waves/" + wave.id() + "/results", mark.district().name()));
        }
    }
}
