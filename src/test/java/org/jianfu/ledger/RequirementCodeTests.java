package org.jianfu.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.platform.RuleViolation;
import org.jianfu.test.JianfuIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Requirements keep stable codes through template versions, and register figures attach by code: the
 * case a new user tried (a copy with requirement 2 deleted) no longer puts the cleanup figure beside the
 * frequency requirement.
 */
@JianfuIntegrationTest
class RequirementCodeTests {

    @Autowired Templates templates;
    @Autowired UserDetailsService userDetails;
    @Autowired JdbcClient jdbc;

    AccountPrincipal city;
    long original;
    long copy;

    @BeforeEach
    void aCopyOfThe2021TemplateExists() {
        city = (AccountPrincipal) userDetails.loadUserByUsername("city.admin");
        original = templates.shipped2021();
        copy = templates.copy(city, original, 2028, "2028年中小学教师减负工作任务台账");
    }

    private static LedgerTemplate.Requirement withText(LedgerTemplate template, String start) {
        return template.requirements().stream().filter(r -> r.text().startsWith(start)).findFirst().orElseThrow();
    }

    /** Figures as the registers declare them, one per code (the codes the inspection and whitelist registers use). */
    private static List<RegisterFigures.Figure> figures(String... codes) {
        return java.util.Arrays.stream(codes)
                .map(code -> new RegisterFigures.Figure(code, "test." + code, "ledger.register-figures", new Object[0], null, false))
                .toList();
    }

    @Test
    void theShippedTemplateCodesItsRequirementsByTheirNumberIn2021() {
        var shipped = templates.get(original);
        assertThat(shipped.requirements()).hasSize(24);
        assertThat(shipped.requirements()).allSatisfy(r -> assertThat(r.code()).isEqualTo(String.format("2021-%02d", r.number())));
    }

    @Test
    void aCopyKeepsEveryCodeAndARewordedRequirementKeepsItsCode() {
        var copied = templates.get(copy);
        assertThat(copied.requirements()).extracting(LedgerTemplate.Requirement::code)
                .containsExactlyElementsOf(templates.get(original).requirements().stream().map(LedgerTemplate.Requirement::code).toList());
        var fourth = copied.requirements().get(3);
        templates.reword(city, copy, fourth.id(), "各区保留事项较2021年再减少10%。");
        assertThat(templates.get(copy).requirements().get(3).code()).isEqualTo("2021-04");
    }

    @Test
    void figuresFollowCodesThroughACopyWithARequirementRemovedAddedAndMoved() {
        var before = templates.get(copy);
        var consultation = before.requirements().get(1); // 2021-02: other departments consult the education department
        var cleanupText = before.requirements().get(3).text(); // 2021-04: the 50% cleanup
        var frequencyText = before.requirements().get(4).text(); // 2021-05: at most once a year per school
        templates.remove(city, copy, consultation.id());
        templates.add(city, copy, before.rows().get(0).keyTask().id(), "各部门督查检查计划应于每年1月底前在门户网站公开。");
        var community = withText(templates.get(copy), before.requirements().get(12).text().substring(0, 20)); // 2021-13
        templates.move(city, copy, community.id(), true);

        var after = templates.get(copy);
        var added = withText(after, "各部门督查检查计划应于每年1月底前");
        assertThat(added.code()).startsWith("2028-").isNotIn(before.requirements().stream().map(LedgerTemplate.Requirement::code).toList());
        // Numbers moved: the cleanup requirement is now number 3 and the frequency one number 4.
        assertThat(withText(after, cleanupText).number()).isEqualTo(4); // 1, added 2, 3 (old 3), cleanup 4
        var attached = LedgerFigures.attach(figures("2021-02", "2021-04", "2021-05", "2021-13"), after);
        assertThat(attached.get(withText(after, cleanupText).id())).extracting(RegisterFigures.Figure::requirementCode)
                .containsExactly("2021-04");
        assertThat(attached.get(withText(after, frequencyText).id())).extracting(RegisterFigures.Figure::requirementCode)
                .containsExactly("2021-05");
        assertThat(attached.get(community.id())).extracting(RegisterFigures.Figure::requirementCode).containsExactly("2021-13");
        assertThat(attached.get(added.id())).isNull();
        // The consultation figure has no requirement left: kept apart, never put on another row.
        assertThat(attached.get(null)).extracting(RegisterFigures.Figure::requirementCode).containsExactly("2021-02");
    }

    @Test
    void aSplitRecordsItsOriginAndAMergeTakesTheMergedCodeAsAnOrigin() {
        var before = templates.get(copy);
        var cleanup = before.requirements().get(3);
        templates.split(city, copy, cleanup.id(), "清理后的保留事项清单于每年7月底前报市备案。");
        var split = templates.get(copy);
        var part = withText(split, "清理后的保留事项清单");
        assertThat(part.number()).isEqualTo(cleanup.number() + 1);
        assertThat(part.origins()).containsExactly("2021-04");
        assertThat(split.requirementFor("2021-04")).map(LedgerTemplate.Requirement::id).contains(cleanup.id());

        // Requirements 1 and 2 share a key task (a merge never empties a key task).
        var first = split.requirements().stream().filter(r -> r.code().equals("2021-01")).findFirst().orElseThrow();
        var second = split.requirements().stream().filter(r -> r.code().equals("2021-02")).findFirst().orElseThrow();
        templates.merge(city, copy, first.id(), second.id());
        var merged = templates.get(copy);
        assertThat(merged.requirements()).noneMatch(r -> r.code().equals("2021-02"));
        assertThat(merged.requirementFor("2021-02")).map(LedgerTemplate.Requirement::id).contains(first.id());
        assertThat(merged.requirementFor("2021-02").orElseThrow().text()).contains(second.text());
        assertThat(LedgerFigures.attach(figures("2021-02"), merged)).containsOnlyKeys(first.id());
        assertThatThrownBy(() -> templates.merge(city, copy, first.id(), first.id())).isInstanceOf(RuleViolation.class);
        assertThat(jdbc.sql("select count(*) from audit_event where action in ('ledger.template-requirement-split', 'ledger.template-requirement-merged') and object_id = ?")
                .param(Long.toString(copy)).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void theOriginalNeverChanges() {
        var shippedCodes = templates.get(original).requirements().stream()
                .collect(java.util.stream.Collectors.toMap(LedgerTemplate.Requirement::code, LedgerTemplate.Requirement::text));
        templates.remove(city, copy, templates.get(copy).requirements().get(1).id());
        assertThat(templates.get(original).requirements().stream()
                .collect(java.util.stream.Collectors.toMap(LedgerTemplate.Requirement::code, LedgerTemplate.Requirement::text)))
                .isEqualTo(shippedCodes).hasSize(24);
        assertThat(Map.copyOf(shippedCodes)).containsKey("2021-02");
    }
}
