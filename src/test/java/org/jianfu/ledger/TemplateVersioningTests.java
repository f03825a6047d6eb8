package org.jianfu.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.platform.RuleViolation;
import org.jianfu.test.Fixtures;
import org.jianfu.test.JianfuIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** A new year's template is a copy that can be edited until a round uses it; rounds keep their version. */
@JianfuIntegrationTest
class TemplateVersioningTests {

    @Autowired Templates templates;
    @Autowired Ledgers ledgers;
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService userDetails;
    @Autowired JdbcClient jdbc;

    long original;
    long copy;
    AccountPrincipal city;

    AccountPrincipal as(String username) {
        return (AccountPrincipal) userDetails.loadUserByUsername(username);
    }

    @BeforeEach
    void aCopyOfThe2021TemplateExists() {
        city = as("city.admin");
        original = jdbc.sql("select id from ledger_template where year = 2021 and version = 1").query(Long.class).single();
        copy = templates.copy(city, original, 2027, "2027年中小学教师减负工作任务台账");
    }

    private List<Integer> numbers(long templateId) {
        return templates.get(templateId).requirements().stream().map(LedgerTemplate.Requirement::number).toList();
    }

    @Test
    void theCopyHasEveryRequirementOfTheOriginalAndANewVersionNumber() {
        var a = templates.get(original);
        var b = templates.get(copy);
        assertThat(b.year()).isEqualTo(2027);
        assertThat(b.rows()).extracting(r -> r.matter().name() + "|" + r.keyTask().name() + "|" + r.requirement().number()
                + "|" + r.requirement().text())
                .containsExactlyElementsOf(a.rows().stream().map(r -> r.matter().name() + "|" + r.keyTask().name() + "|"
                        + r.requirement().number() + "|" + r.requirement().text()).toList());
        assertThat(templates.copy(city, original, 2027, "第二份")).isNotEqualTo(copy);
        assertThat(jdbc.sql("select max(version) from ledger_template where year = 2027").query(Integer.class).single()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void rewordingAddingRemovingAndReorderingChangeOnlyTheCopy() {
        var before = templates.get(copy);
        var fourth = before.requirements().get(3);
        templates.reword(city, copy, fourth.id(), "各区保留事项较2021年再减少10%。");
        assertThat(templates.get(copy).requirements().get(3).text()).isEqualTo("各区保留事项较2021年再减少10%。");
        assertThat(templates.get(original).requirements().get(3).text()).contains("减少50%以上");

        var taskOfFive = before.rows().get(4).keyTask();
        templates.add(city, copy, taskOfFive.id(), "督查检查事项应至少提前一个月告知学校。");
        var afterAdd = templates.get(copy);
        assertThat(numbers(copy)).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 25).boxed().toList());
        assertThat(afterAdd.requirements().get(5).text()).isEqualTo("督查检查事项应至少提前一个月告知学校。");
        assertThat(afterAdd.rows().get(5).keyTask().id()).isEqualTo(taskOfFive.id());

        var first = afterAdd.requirements().get(0);
        templates.move(city, copy, first.id(), false);
        assertThat(templates.get(copy).requirements().get(1).id()).isEqualTo(first.id());
        templates.move(city, copy, first.id(), false); // already last of its key task: stays
        assertThat(templates.get(copy).requirements().get(1).id()).isEqualTo(first.id());

        templates.remove(city, copy, afterAdd.requirements().get(5).id());
        assertThat(numbers(copy)).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 24).boxed().toList());
        var onlyOfTask8 = templates.get(copy).requirements().get(7);
        assertThatThrownBy(() -> templates.remove(city, copy, onlyOfTask8.id())).isInstanceOf(RuleViolation.class);
        assertThat(numbers(original)).hasSize(24);
    }

    @Test
    void aRoundKeepsTheVersionItWasOpenedWithAndThatVersionCanNoLongerChange() {
        var round = ledgers.openRound(city, copy, 2027, "2027年填报 " + System.nanoTime(), LocalDate.of(2027, 6, 30),
                List.of(fixtures.haidian().id()));
        assertThat(round.templateId()).isEqualTo(copy);
        assertThat(templates.editable(copy)).isFalse();
        var first = templates.get(copy).requirements().get(0);
        assertThatThrownBy(() -> templates.reword(city, copy, first.id(), "改动")).isInstanceOf(RuleViolation.class)
                .hasMessage("ledger.template.error.in-use");
        var newer = templates.copy(city, copy, 2028, "2028年");
        templates.reword(city, newer, templates.get(newer).requirements().get(0).id(), "2028年的新表述。");
        assertThat(templates.get(copy).requirements().get(0).text()).isEqualTo(first.text());
        assertThat(ledgers.round(round.id()).templateId()).isEqualTo(copy);
    }

    @Test
    void onlyTheCityAdminReachesTheTemplatePages() throws Exception {
        mvc.perform(get("/ledger/templates").with(user(city))).andExpect(status().isOk());
        mvc.perform(get("/ledger/templates/{id}", copy).with(user(city)).param("lang", "en")).andExpect(status().isOk());
        mvc.perform(get("/ledger/templates").with(user(as("haidian.reporter")))).andExpect(status().isForbidden());
        mvc.perform(post("/ledger/templates/{id}/copy", original).with(user(as("supervisor"))).with(csrf())
                .param("year", "2030").param("title", "越权")).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from ledger_template where year = 2030").query(Long.class).single()).isZero();
    }
}
