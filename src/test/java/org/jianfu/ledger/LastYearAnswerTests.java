package org.jianfu.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.test.Fixtures;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.unit.Unit;
import org.jianfu.unit.Units;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Under each requirement the ledger shows the unit's answer to the same requirement code in its most recent
 * earlier year, found by code whatever number the requirement has now; an answer copied from it is flagged.
 * Data in 丰台区 and 石景山区, in years no other test uses.
 */
@JianfuIntegrationTest
class LastYearAnswerTests {

    static final String CLEANUP_ANSWER = "区教委会同区委督查室对31项督查检查事项逐项清理，保留13项，减少58%，7月20日报市备案。";
    static final String FREQUENCY_ANSWER = "全区对同一学校的同类督查检查每年不超过一次，由区教委统一安排，合并开展入校检查。";

    @Autowired MockMvc mvc;
    @Autowired Ledgers ledgers;
    @Autowired Templates templates;
    @Autowired Units units;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService userDetails;
    @Autowired JdbcClient jdbc;
    @Autowired LastYearAnswers lastYearAnswers;

    AccountPrincipal city;
    Unit fengtai;
    AccountPrincipal fengtaiReporter;

    @BeforeEach
    void peopleExist() {
        city = as("city.admin");
        fengtai = units.findByCode("110106").orElseThrow();
        fengtaiReporter = as(fixtures.account(Role.DISTRICT_REPORTER, fengtai));
    }

    AccountPrincipal as(String username) {
        return (AccountPrincipal) userDetails.loadUserByUsername(username);
    }

    long openLedger(long templateId, int year, Unit unit) {
        var round = ledgers.openRound(city, templateId, year, year + "年台账 " + System.nanoTime(), LocalDate.of(2100, 12, 31), List.of(unit.id()));
        return ledgers.ledgerOf(round.id(), unit.id());
    }

    void answer(long ledgerId, String code, EntryStatus status, String text) {
        var template = templates.get(ledgers.round(ledgers.readable(city, ledgerId).roundId()).templateId());
        var requirement = template.requirementFor(code).orElseThrow();
        var entry = ledgers.entryOf(ledgerId, requirement.id());
        ledgers.saveEntry(fengtaiReporter, ledgerId, requirement.id(), new EntryDraft(status, text, null, entry.version()));
    }

    /** The part of the ledger page that shows one requirement's entry. */
    static String entrySection(String page, long requirementId) {
        var start = page.indexOf("id=\"entry-" + requirementId + "\"");
        assertThat(start).as("entry %s on the page", requirementId).isPositive();
        var end = page.indexOf("<tr>", start);
        return page.substring(start, end < 0 ? page.length() : end);
    }

    String ledgerPage(long ledgerId, AccountPrincipal reader) throws Exception {
        return mvc.perform(get("/ledgers/{id}", ledgerId).with(user(reader))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void lastYearsAnswerIsFoundByCodeThroughATemplateCopyWhereTheRequirementsNumberChanged() throws Exception {
        var shipped = templates.shipped2021();
        var earlier = openLedger(shipped, 2043, fengtai);
        answer(earlier, "2021-04", EntryStatus.PARTIAL, CLEANUP_ANSWER);
        answer(earlier, "2021-02", EntryStatus.IMPLEMENTED, "区直部门开展涉校督查检查均已先商区教委，共商议事项5项。");

        var copy = templates.copy(city, shipped, 2044, "2044年中小学教师减负工作任务台账");
        templates.remove(city, copy, templates.get(copy).requirementFor("2021-02").orElseThrow().id());
        var cleanup = templates.get(copy).requirementFor("2021-04").orElseThrow();
        assertThat(cleanup.number()).isEqualTo(3);
        var current = openLedger(copy, 2044, fengtai);

        var page = ledgerPage(current, fengtaiReporter);
        var section = entrySection(page, cleanup.id());
        assertThat(section).contains("<details class=\"last-year\"").contains("2043").contains(CLEANUP_ANSWER).contains("部分落实");
        // Requirement 3 of this year is the one numbered 3 last year (2021-03): last year's cleanup answer is not there.
        var third = templates.get(copy).requirementFor("2021-03").orElseThrow();
        assertThat(third.number()).isEqualTo(2);
        assertThat(entrySection(page, third.id())).doesNotContain(CLEANUP_ANSWER).doesNotContain("class=\"last-year\"");
        // The removed requirement's answer has no row left to go to.
        assertThat(page).doesNotContain("共商议事项5项");
    }

    @Test
    void aRequirementThatMergedTwoOfLastYearShowsBothOfLastYearsAnswers() {
        var shipped = templates.shipped2021();
        var earlier = openLedger(shipped, 2058, fengtai);
        answer(earlier, "2021-01", EntryStatus.IMPLEMENTED, "区委办、区政府办每年初审核全区督查检查考核计划，共审核事项12项。");
        answer(earlier, "2021-02", EntryStatus.IMPLEMENTED, "区直部门开展涉校督查检查均已先商区教委，共商议事项5项。");
        var copy = templates.copy(city, shipped, 2059, "2059年中小学教师减负工作任务台账");
        var first = templates.get(copy).requirementFor("2021-01").orElseThrow();
        templates.merge(city, copy, first.id(), templates.get(copy).requirementFor("2021-02").orElseThrow().id());
        var current = openLedger(copy, 2059, fengtai);

        var shown = lastYearAnswers.of(ledgers.readable(city, current), templates.get(copy));
        assertThat(shown.get(first.id())).extracting(LastYearAnswers.Answer::code, LastYearAnswers.Answer::year)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2021-01", 2058), org.assertj.core.groups.Tuple.tuple("2021-02", 2058));
        assertThat(shown).hasSize(1);
    }

    @Test
    void nothingIsShownWhenTheUnitHadNoLedgerInAnEarlierYear() throws Exception {
        var shijingshan = units.findByCode("110107").orElseThrow();
        var first = openLedger(templates.shipped2021(), 2001, shijingshan);
        var page = ledgerPage(first, city);
        assertThat(page).doesNotContain("class=\"last-year\"");
        // and another unit's earlier ledger is not taken for this unit's
        var fengtaiEarlier = openLedger(templates.shipped2021(), 2000, fengtai);
        answer(fengtaiEarlier, "2021-04", EntryStatus.PARTIAL, CLEANUP_ANSWER);
        assertThat(ledgerPage(first, city)).doesNotContain("class=\"last-year\"").doesNotContain(CLEANUP_ANSWER);
    }

    @Test
    void anAnswerCopiedFromLastYearIsFlaggedAndARewrittenOneIsNot() throws Exception {
        var shipped = templates.shipped2021();
        var earlier = openLedger(shipped, 2046, fengtai);
        answer(earlier, "2021-04", EntryStatus.PARTIAL, CLEANUP_ANSWER);
        answer(earlier, "2021-05", EntryStatus.IMPLEMENTED, FREQUENCY_ANSWER);

        var copy = templates.copy(city, shipped, 2047, "2047年中小学教师减负工作任务台账");
        templates.remove(city, copy, templates.get(copy).requirementFor("2021-02").orElseThrow().id());
        var current = openLedger(copy, 2047, fengtai);
        var template = templates.get(copy);
        // Every requirement answered differently, so only what this test is about is flagged.
        for (var requirement : template.requirements()) {
            answer(current, requirement.code(), EntryStatus.IMPLEMENTED, "第" + requirement.code() + "项要求：" + "区教委印发了实施方案，"
                    + "明确了责任科室和完成时限，每月调度一次进展，年底前组织专项复核" + "并形成书面报告。".repeat(requirement.number() % 3 + 1)
                    + "涉及学校" + requirement.number() * 7 + "所。");
        }
        // Copied with other punctuation; rewritten for this year.
        answer(current, "2021-04", EntryStatus.PARTIAL, CLEANUP_ANSWER.replace("，", " ").replace("。", ""));
        answer(current, "2021-05", EntryStatus.IMPLEMENTED, "今年起入校检查一律由区教委统筹，全年共合并检查9次，未发现对同一学校重复检查的情况。");

        var warnings = ledgers.qualityWarnings(fengtaiReporter, current).stream()
                .filter(w -> w.flag() == AnswerQuality.Flag.SAME_AS_LAST_YEAR).toList();
        var cleanup = template.requirementFor("2021-04").orElseThrow();
        assertThat(warnings).singleElement().satisfies(w -> assertThat(w.number()).isEqualTo(cleanup.number()));

        // Kept with the submission: the city sees it on the side-by-side page and in the dashboard's count.
        ledgers.saveHeader(fengtaiReporter, current, ledgers.readable(city, current).version(), "王芳", "010-63456789");
        ledgers.move(fengtaiReporter, current, ledgers.readable(city, current).version(), LedgerAction.SUBMIT, null);
        assertThat(jdbc.sql("select count(*) from ledger_entry_flag where ledger_id = ? and kind = 'SAME_AS_LAST_YEAR'")
                .param(current).query(Integer.class).single()).isEqualTo(1);
        var round = ledgers.readable(city, current).roundId();
        var sideBySide = mvc.perform(get("/ledger/rounds/{id}/requirements/{n}", round, cleanup.number()).with(user(city)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(sideBySide).contains("与上年雷同");
        var storedFlags = jdbc.sql("select count(*) from ledger_entry_flag where ledger_id = ?").param(current).query(Integer.class).single();
        var dashboard = mvc.perform(get("/ledger/rounds/{id}", round).with(user(city))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(dashboard).containsPattern("href=\"/ledgers/" + current + "/quality\"[^>]*>" + storedFlags + "</a>");
        var quality = mvc.perform(get("/ledgers/{id}/quality", current).with(user(city))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(quality).contains("第 " + cleanup.number() + " 条：与本单位上一年度的填报几乎相同");
        assertThat(quality).doesNotContain("第 " + template.requirementFor("2021-05").orElseThrow().number() + " 条：与本单位上一年度");
    }

    @Test
    void aShortAnswerThatHappensToMatchLastYearIsNotFlaggedAsCopied() {
        var shipped = templates.shipped2021();
        var earlier = openLedger(shipped, 2049, fengtai);
        answer(earlier, "2021-06", EntryStatus.IMPLEMENTED, "已落实。");
        var current = openLedger(shipped, 2050, fengtai);
        answer(current, "2021-06", EntryStatus.IMPLEMENTED, "已落实。");
        assertThat(ledgers.qualityWarnings(fengtaiReporter, current)).noneMatch(w -> w.flag() == AnswerQuality.Flag.SAME_AS_LAST_YEAR);
    }
}
