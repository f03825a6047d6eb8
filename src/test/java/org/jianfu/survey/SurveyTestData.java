package org.jianfu.survey;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.test.Fixtures;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Survey test data in the districts given to these tests, 大兴区 (110115) and 平谷区 (110117): waves of years no other test or
 * the demo uses, opened by the city admin, and answers given through the public service with codes the schools hand out.
 */
@TestComponent
class SurveyTestData {

    static final int YEAR = 2034;

    final Surveys surveys;
    final Answers answers;
    final Units units;
    final Fixtures fixtures;
    final UserDetailsService users;

    SurveyTestData(Surveys surveys, Answers answers, Units units, Fixtures fixtures, UserDetailsService users) {
        this.surveys = surveys;
        this.answers = answers;
        this.units = units;
        this.fixtures = fixtures;
        this.users = users;
    }

    Unit daxing() {
        return units.findByCode("110115").orElseThrow();
    }

    Unit pinggu() {
        return units.findByCode("110117").orElseThrow();
    }

    List<Unit> schools(Unit district) {
        return units.children(district.id()).stream().filter(u -> u.type() == UnitType.SCHOOL && u.enabled()).sorted(Unit.OFFICIAL_ORDER)
                .toList();
    }

    AccountPrincipal person(Role role, Unit unit) {
        return (AccountPrincipal) users.loadUserByUsername(fixtures.account(role, unit));
    }

    AccountPrincipal city() {
        return person(Role.CITY_ADMIN, fixtures.city());
    }

    /** A wave of the default questionnaire, opened. */
    SurveyWave openWave(String name, int year) {
        var city = city();
        var wave = surveys.create(city, name, year);
        return surveys.open(city, wave.id(), wave.version());
    }

    SurveyQuestion question(SurveyWave wave, String code) {
        return surveys.questions(wave.id()).stream().filter(q -> q.code().equals(code)).findFirst().orElseThrow();
    }

    String token(SurveyWave wave, Unit school) {
        return surveys.link(city(), wave.id(), school.id()).token();
    }

    /** Answers at a school: each a map of question code to value, given with a fresh code of the school. */
    void answer(SurveyWave wave, Unit school, List<Map<String, String>> each) {
        var codes = surveys.issueCodes(city(), wave.id(), school.id(), each.size());
        var token = token(wave, school);
        for (int i = 0; i < each.size(); i++) {
            var typed = new HashMap<String, String>();
            each.get(i).forEach((code, value) -> typed.put("q" + question(wave, code).id(), value));
            answers.submit(token, codes.get(i), typed);
        }
    }

    /** n identical answers: these hours on teaching and on inspections, a perceived burden. */
    static List<Map<String, String>> same(int n, String teaching, String inspection, String perceived) {
        return java.util.Collections.nCopies(n, Map.of("TEACHING", teaching, "INSPECTION", inspection, "PERCEIVED", perceived, "STAGE", "PRIMARY"));
    }
}
