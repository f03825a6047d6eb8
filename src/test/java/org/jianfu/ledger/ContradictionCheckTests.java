package org.jianfu.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The three kinds of contradiction, each with an answer that makes it and one that does not, and the clause limits. */
class ContradictionCheckTests {

    private static final RegisterFigures.Figure ESCALATIONS = figure(new Contradiction.Denial(List.of("未出现…加码", "没有…加码")));

    private static RegisterFigures.Figure figure(Contradiction contradiction) {
        return new RegisterFigures.Figure("2021-03", "test.figure", "inspection.figure.merge", new Object[] { 0, 2 }, null, true)
                .contradicting(contradiction);
    }

    private static List<ContradictionCheck.Found> check(String text, RegisterFigures.Figure figure) {
        return ContradictionCheck.check(EntryStatus.PARTIAL, text, List.of(figure));
    }

    @Test
    void aStatusTheRegisterDeniesContradictsAndAnotherStatusDoesNot() {
        var figure = figure(new Contradiction.Status(Set.of(EntryStatus.IMPLEMENTED), "ledger.contradiction.reason.test"));
        var found = ContradictionCheck.check(EntryStatus.IMPLEMENTED, "已全部完成。", List.of(figure));
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.answerStatus()).isEqualTo(EntryStatus.IMPLEMENTED);
            assertThat(f.answerWords()).isNull();
            assertThat(f.figure()).isSameAs(figure);
            assertThat(f.reasonKey()).isEqualTo("ledger.contradiction.reason.test");
        });
        assertThat(ContradictionCheck.check(EntryStatus.IN_PROGRESS, "已全部完成。", List.of(figure))).isEmpty();
        assertThat(ContradictionCheck.check(null, "", List.of(figure))).isEmpty();
    }

    @Test
    void aDenialQuotesTheClauseItStandsIn() {
        var found = check("区教委统筹协调，内容相近的合并开展；未出现层层加码现象。下一步继续推进。", ESCALATIONS);
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.answerWords()).isEqualTo("未出现层层加码现象");
            assertThat(f.kind()).isEqualTo("DENIAL");
        });
        assertThat(check("没有出现任何层层加码", ESCALATIONS)).hasSize(1);
    }

    @Test
    void anAnswerThatAdmitsTheFactIsNoDenial() {
        assertThat(check("发现2项层层加码问题，已整改。", ESCALATIONS)).isEmpty();
        assertThat(check("发现2项…已整改", ESCALATIONS)).isEmpty();
    }

    @Test
    void aRemedyIsNoDenial() {
        var consultation = figure(new Contradiction.Denial(List.of("均已…商", "全部…商")));
        assertThat(check("发现2项未商区教委的检查，均已整改并补办商请手续。", consultation)).isEmpty();
        assertThat(check("2项检查已全部补办商请手续", consultation)).isEmpty();
        assertThat(check("各部门检查均已先商区教委，对发现的问题已整改", consultation)).hasSize(1);
    }

    @Test
    void aDenialDoesNotReachAcrossAClauseOrAComma() {
        assertThat(check("未出现问题。层层加码2项已整改", ESCALATIONS)).isEmpty();
        assertThat(check("未出现问题；层层加码2项已整改", ESCALATIONS)).isEmpty();
        assertThat(check("未出现问题\n层层加码2项已整改", ESCALATIONS)).isEmpty();
        assertThat(check("未出现问题！层层加码", ESCALATIONS)).isEmpty();
        assertThat(check("未出现问题，但发现2项加码", ESCALATIONS)).isEmpty();
    }

    @Test
    void aDenialsGapIsOnlyAFewCharacters() {
        assertThat(check("未出现扩大范围、层层加码", ESCALATIONS)).hasSize(1);
        assertThat(check("未出现任何一个部门对中小学校随意提出要求和加码", ESCALATIONS)).isEmpty();
    }

    @Test
    void aDenialIsFoundInFullWidthText() {
        var consultation = figure(new Contradiction.Denial(List.of("均已…商")));
        assertThat(check("３个部门的检查均已先商区教委；并按程序报批", consultation)).singleElement()
                .satisfies(f -> assertThat(f.answerWords()).isEqualTo("３个部门的检查均已先商区教委"));
    }

    @Test
    void aDateClaimedForAnEventNeverRecordedContradicts() {
        var notFiled = figure(new Contradiction.DateClaim(List.of("备案"), null));
        assertThat(check("保留13项；保留清单经审批后于7月20日报市委教育工作领导小组备案。", notFiled)).singleElement()
                .satisfies(f -> assertThat(f.answerWords()).isEqualTo("保留清单经审批后于7月20日报市委教育工作领导小组备案"));
        assertThat(check("保留清单正在审批，尚未备案。", notFiled)).isEmpty();
    }

    @Test
    void aDateClaimIsComparedWithTheRecordedDate() {
        var filed = figure(new Contradiction.DateClaim(List.of("备案", "报市"), LocalDate.of(2021, 7, 20)));
        assertThat(check("于7月20日报市备案", filed)).isEmpty();
        assertThat(check("于2021年7月20日报市备案", filed)).isEmpty();
        assertThat(check("于７月２０日报市备案", filed)).isEmpty();
        assertThat(check("于7月25日报市备案", filed)).hasSize(1);
        assertThat(check("于2020年7月20日报市备案", filed)).hasSize(1);
        assertThat(check("于２０２１年７月２６日报市备案", filed)).hasSize(1);
    }

    @Test
    void aDateOutsideTheClauseOfTheEventOrForAnotherEventClaimsNothing() {
        var filed = figure(new Contradiction.DateClaim(List.of("备案"), LocalDate.of(2021, 7, 20)));
        assertThat(check("6月30日经区委教育工作领导小组审批，7月20日报市备案", filed)).isEmpty();
        assertThat(check("6月30日完成审批。随后报市备案", filed)).isEmpty();
        assertThat(check("备案时间为7月20日", filed)).isEmpty();
        assertThat(check("备案时间为7月21日", filed)).hasSize(1);
    }

    @Test
    void aFigureWithoutDeclarationsContradictsNothing() {
        var plain = new RegisterFigures.Figure("2021-03", "test.figure", "inspection.figure.merge", new Object[] { 0, 2 }, null, true);
        assertThat(ContradictionCheck.check(EntryStatus.IMPLEMENTED, "未出现层层加码，7月20日报市备案", List.of(plain))).isEmpty();
    }
}
