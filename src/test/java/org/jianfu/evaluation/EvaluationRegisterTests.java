package org.jianfu.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.ledger.RegisterFigures;
import org.jianfu.platform.RuleViolation;
import org.jianfu.test.Fixtures;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.unit.SchoolStage;
import org.jianfu.unit.Unit;
import org.jianfu.unit.Units;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/** The register through its service and pages, in 大兴区 (110115) and 平谷区 (110117), year 2035. */
@JianfuIntegrationTest
@Transactional
class EvaluationRegisterTests {

    static final int YEAR = 2035;

    @Autowired Evaluations evaluations;
    @Autowired EvaluationFigures figures;
    @Autowired Units units;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    @Test
    void aReporterRegistersSetsWhoseFlagsShowOnThePageTheListAndTheLedgerAndEachChangeIsAudited() throws Exception {
        var daxing = units.findByCode("110115").orElseThrow();
        var reporter = person(Role.DISTRICT_REPORTER, daxing);
        var clean = evaluations.register(reporter, new Evaluations.SetDraft(YEAR, "小学办学质量评价", List.of(SchoolStage.PRIMARY),
                "课程建设 30\n师德师风 30\n学生体质健康 40"));
        var flagged = evaluations.register(reporter, new Evaluations.SetDraft(YEAR, "综合考核", List.of(SchoolStage.values()),
                "升学率 50\n课程 建设 50"));
        assertThat(evaluations.get(reporter, clean.id()).flags().duplicates()).hasSize(1);
        var flags = evaluations.get(reporter, flagged.id()).flags();
        assertThat(flags.fiveOnlys()).extracting(IndicatorFlags.FiveOnly::phrase).containsExactly("升学率");
        assertThat(flags.undifferentiated()).isTrue();

        var page = mvc.perform(get("/evaluation/" + flagged.id()).with(user(reporter))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("升学率", "唯升学", "未体现差异化要求", "近似重复");
        var figure = figures.figuresFor(daxing.id(), YEAR).get(0);
        assertThat(figure.requirementCode()).isEqualTo("2021-06");
        assertThat(figure.arguments()).containsExactly(2L, 2L);
        assertThat(figure.alert()).isTrue();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'evaluation.set-registered' and object_id in (?, ?)")
                .params("" + clean.id(), "" + flagged.id()).query(Long.class).single()).isEqualTo(2);

        var changed = evaluations.change(reporter, flagged.id(), flagged.version(), new Evaluations.SetDraft(YEAR, "综合考核",
                List.of(SchoolStage.SENIOR), "学生综合素质 100"));
        assertThat(evaluations.get(reporter, changed.id()).flags().flagged()).isFalse();
        assertThat(figures.figuresFor(daxing.id(), YEAR).get(0).arguments()).containsExactly(2L, 0L);
        var audit = jdbc.sql("select before::text as b, after::text as a from audit_event where action = 'evaluation.set-changed' and object_id = ?")
                .param("" + flagged.id()).query().singleRow();
        assertThat(audit.get("b").toString()).contains("升学率");
        assertThat(audit.get("a").toString()).contains("学生综合素质");
    }

    @Test
    void anotherDistrictsSetIsNotFoundAndOnlyItsReporterRegisters() throws Exception {
        var daxing = units.findByCode("110115").orElseThrow();
        var pinggu = units.findByCode("110117").orElseThrow();
        var set = evaluations.register(person(Role.DISTRICT_REPORTER, daxing), new Evaluations.SetDraft(YEAR, "范围测试",
                List.of(SchoolStage.PRIMARY), "课程建设"));
        mvc.perform(get("/evaluation/" + set.id()).with(user(person(Role.DISTRICT_REPORTER, pinggu)))).andExpect(status().isNotFound());
        mvc.perform(get("/evaluation/" + set.id()).with(user(person(Role.CITY_ADMIN, fixtures.city())))).andExpect(status().isOk());
        mvc.perform(post("/evaluation").with(csrf()).param("year", "" + YEAR).param("name", "审核人登记").param("stages", "PRIMARY")
                .param("indicators", "课程建设").with(user(person(Role.DISTRICT_APPROVER, daxing)))).andExpect(status().isForbidden());
        var refused = catchThrowable(() -> evaluations.register(person(Role.DISTRICT_REPORTER, daxing),
                new Evaluations.SetDraft(YEAR, "无指标", List.of(SchoolStage.PRIMARY), "  \n ")));
        assertThat(refused).isInstanceOf(RuleViolation.class).hasMessage("evaluation.error.indicators");
    }

    @Test
    void aPhraseAddedByTheCityFlagsIndicatorsFromThenOn() {
        var daxing = units.findByCode("110115").orElseThrow();
        var reporter = person(Role.DISTRICT_REPORTER, daxing);
        var set = evaluations.register(reporter, new Evaluations.SetDraft(YEAR, "词表测试", List.of(SchoolStage.PRIMARY), "竞赛获奖人次"));
        assertThat(evaluations.get(reporter, set.id()).flags().fiveOnlys()).isEmpty();
        evaluations.addPhrase(person(Role.CITY_ADMIN, fixtures.city()), "竞赛获奖", OnlyKind.SCORE);
        assertThat(evaluations.get(reporter, set.id()).flags().fiveOnlys()).extracting(IndicatorFlags.FiveOnly::phrase).containsExactly("竞赛获奖");
    }

    private AccountPrincipal person(Role role, Unit unit) {
        return (AccountPrincipal) users.loadUserByUsername(fixtures.account(role, unit));
    }
}
