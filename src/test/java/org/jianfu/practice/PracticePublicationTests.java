package org.jianfu.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.platform.RuleViolation;
import org.jianfu.test.Fixtures;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.unit.Unit;
import org.jianfu.unit.Units;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/** A case is public only after the city's review; in 大兴区 (110115), year 2036. */
@JianfuIntegrationTest
@Transactional
class PracticePublicationTests {

    static final int YEAR = 2036;

    @Autowired Practices practices;
    @Autowired PracticeFigures figures;
    @Autowired Units units;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    @Test
    void aCaseIsPublicOnlyOnceTheCityHasPublishedItAfterReviewAndAReturnedOneCanBeChangedAndResubmitted() throws Exception {
        var daxing = units.findByCode("110115").orElseThrow();
        var reporter = person(Role.DISTRICT_REPORTER, daxing);
        var city = person(Role.CITY_ADMIN, fixtures.city());
        var draft = practices.create(reporter, new Practices.CaseDraft(YEAR, "大兴区精简报表的做法", "一表通", "正文：一次采集多次使用。",
                List.of("2021-14", "2021-24")));
        mvc.perform(get("/public/practice/" + draft.id())).andExpect(status().isNotFound());
        // not reviewed: the city cannot publish a draft
        assertThat(catchThrowable(() -> practices.publish(city, draft.id(), draft.version()))).isInstanceOf(RuleViolation.class);

        var submitted = practices.submit(reporter, draft.id(), draft.version());
        mvc.perform(get("/public/practice/" + draft.id())).andExpect(status().isNotFound());
        assertThat(catchThrowable(() -> practices.publish(reporter, submitted.id(), submitted.version())))
                .isInstanceOf(AccessDeniedException.class);
        var returned = practices.returnCase(city, submitted.id(), submitted.version(), "请补充成效数据");
        assertThat(returned.state()).isEqualTo(PracticeCase.State.RETURNED);
        var changed = practices.change(reporter, returned.id(), returned.version(), new Practices.CaseDraft(YEAR, "大兴区精简报表的做法",
                "一表通", "正文：报表减少六成。", List.of("2021-14", "2021-24")));
        var again = practices.submit(reporter, changed.id(), changed.version());
        var published = practices.publish(city, again.id(), again.version());
        assertThat(published.publishedOn()).isNotNull();

        var page = mvc.perform(get("/public/practice/" + published.id())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("报表减少六成", "14.");
        var list = mvc.perform(get("/public/practice").param("requirement", "2021-14")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(list).contains("大兴区精简报表的做法");
        assertThat(figures.figuresFor(daxing.id(), YEAR).get(0).arguments()).containsExactly(1L, 1L);
        assertThat(jdbc.sql("select action from audit_event where object_type = 'practice-case' and object_id = ? order by seq")
                .param("" + published.id()).query(String.class).list()).containsExactly("practice.created", "practice.submitted",
                        "practice.returned", "practice.changed", "practice.submitted", "practice.published");
    }

    @Test
    void theReviewPagesNeedALoginAndAnotherDistrictsCaseIsNotFound() throws Exception {
        var daxing = units.findByCode("110115").orElseThrow();
        var created = practices.create(person(Role.DISTRICT_REPORTER, daxing), new Practices.CaseDraft(YEAR, "范围测试", "摘要", "正文",
                List.of("2021-24")));
        mvc.perform(get("/practice/" + created.id())).andExpect(status().is3xxRedirection());
        mvc.perform(get("/practice/" + created.id()).with(user(person(Role.DISTRICT_REPORTER, units.findByCode("110117").orElseThrow()))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/public/practice")).andExpect(status().isOk());
    }

    private AccountPrincipal person(Role role, Unit unit) {
        return (AccountPrincipal) users.loadUserByUsername(fixtures.account(role, unit));
    }
}
