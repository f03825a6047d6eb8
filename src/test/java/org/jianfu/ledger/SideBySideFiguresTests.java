package org.jianfu.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.unit.Units;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The side-by-side page of one requirement shows, beside each district's text, that district's register
 * figures for the requirement, attached by code: after a template copy moved the numbers, the cleanup
 * figures stand beside the cleanup answers, not beside whatever requirement now has the old number.
 * Data in 丰台区 and 石景山区.
 */
@JianfuIntegrationTest
class SideBySideFiguresTests {

    @Autowired MockMvc mvc;
    @Autowired Ledgers ledgers;
    @Autowired Templates templates;
    @Autowired Units units;
    @Autowired UserDetailsService userDetails;

    AccountPrincipal as(String username) {
        return (AccountPrincipal) userDetails.loadUserByUsername(username);
    }

    /** The part of the page that shows one unit's answer. */
    static String answerOf(String page, String unitName) {
        return Arrays.stream(page.split("<article class=\"answer\"")).skip(1).filter(a -> a.contains(unitName)).findFirst()
                .orElseThrow(() -> new AssertionError(unitName + " has no answer on the page"));
    }

    @Test
    void eachDistrictsFiguresStandBesideItsTextForTheRequirementWithTheirCodeAfterACopyMovedTheNumbers() throws Exception {
        var city = as("city.admin");
        var fengtai = units.findByCode("110106").orElseThrow();
        var shijingshan = units.findByCode("110107").orElseThrow();
        var copy = templates.copy(city, templates.shipped2021(), 2052, "2052年中小学教师减负工作任务台账");
        templates.remove(city, copy, templates.get(copy).requirementFor("2021-02").orElseThrow().id());
        var template = templates.get(copy);
        var cleanup = template.requirementFor("2021-04").orElseThrow();
        var merging = template.requirementFor("2021-03").orElseThrow();
        assertThat(cleanup.number()).isEqualTo(3);
        assertThat(merging.number()).isEqualTo(2);
        var round = ledgers.openRound(city, copy, 2052, "2052年并列测试 " + System.nanoTime(), LocalDate.of(2100, 12, 31),
                List.of(fengtai.id(), shijingshan.id()));

        var cleanupPage = mvc.perform(get("/ledger/rounds/{id}/requirements/{n}", round.id(), cleanup.number()).with(user(city)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var fengtaiCleanup = answerOf(cleanupPage, fengtai.name());
        assertThat(fengtaiCleanup).contains("class=\"register-figures\"").contains("登记系统：尚未登记清理前的事项")
                .contains("href=\"/inspection/cleanups/" + fengtai.id() + "/2052\"")
                .doesNotContain("/inspection/cleanups/" + shijingshan.id() + "/")
                .doesNotContain("合并建议");
        assertThat(answerOf(cleanupPage, shijingshan.name())).contains("href=\"/inspection/cleanups/" + shijingshan.id() + "/2052\"");

        // Number 3 of the 2021 template (merging) is number 2 here, with its own figure and not the cleanup's.
        var mergingPage = mvc.perform(get("/ledger/rounds/{id}/requirements/{n}", round.id(), merging.number()).with(user(city)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(answerOf(mergingPage, fengtai.name())).contains("登记系统：合并建议0条，层层加码0条")
                .doesNotContain("/inspection/cleanups/");
    }
}
