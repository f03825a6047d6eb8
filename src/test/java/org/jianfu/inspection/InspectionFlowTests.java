package org.jianfu.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jianfu.inspection.InspectionTestData.draft;

import java.time.LocalDate;

import org.jianfu.account.Role;
import org.jianfu.platform.RuleViolation;
import org.jianfu.test.JianfuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** The approval and filing flow of requirements 1–2, its forbidden steps, and the audit of every step. */
@JianfuIntegrationTest
@Import(InspectionTestData.class)
class InspectionFlowTests {

    @Autowired InspectionTestData data;
    @Autowired InspectionItems items;
    @Autowired InspectionChecks checks;
    @Autowired JdbcClient jdbc;
    @Autowired RuleSets ruleSets;

    static final LocalDate APRIL = LocalDate.of(2026, 4, 13);
    static final LocalDate APPROVED_ON = LocalDate.of(2026, 2, 25);

    long audited(long itemId) {
        return jdbc.sql("select count(*) from audit_event where object_type = 'inspection-item' and object_id = ?")
                .param(Long.toString(itemId)).query(Long.class).single();
    }

    @Test
    void aDepartmentsItemIsConsultedCompiledApprovedAndEveryStepAudited() {
        var district = data.dongcheng();
        var department = data.person(Role.DEPARTMENT_USER, data.departmentOf(district));
        var reporter = data.person(Role.DISTRICT_REPORTER, district);
        var approver = data.person(Role.DISTRICT_APPROVER, district);

        var item = items.draft(department, draft("学校卫生工作检查", InspectionCategory.SUBJECT_INSPECTION, APRIL));
        assertThat(item.byDepartment()).isTrue();
        assertThat(item.level()).isEqualTo(InspectionLevel.DISTRICT);
        item = items.submit(department, item.id(), item.version());
        assertThat(item.state()).isEqualTo(ItemState.AWAITING_CONSULTATION);
        item = items.consult(reporter, item.id(), item.version(), true, "同意，与区教委春季视导合并开展。");
        assertThat(item.state()).isEqualTo(ItemState.SUBMITTED);
        assertThat(items.consultations(item.id())).singleElement().satisfies(c -> assertThat(c.agreed()).isTrue());
        item = items.compile(reporter, item.id(), item.version());
        item = items.approve(approver, item.id(), item.version(), "区政府办公室", "东政办〔2026〕3号", APPROVED_ON);

        assertThat(item.state()).isEqualTo(ItemState.APPROVED);
        assertThat(items.ofPlan(reporter, district.id(), 2026)).extracting(InspectionItem::id).contains(item.id());
        // drafted, submitted, consulted, consultation recorded, compiled, approved
        assertThat(audited(item.id())).isEqualTo(6);
        assertThat(items.steps(item.id())).extracting(ItemRepository.Step::action)
                .containsExactly("drafted", "submitted", "consulted", "compiled", "approved");
    }

    @Test
    void aDepartmentsItemWithoutConsultationIsAFindingAndCannotBeCompiledOrApproved() {
        var district = data.dongcheng();
        var department = data.person(Role.DEPARTMENT_USER, data.departmentOf(district));
        var reporter = data.person(Role.DISTRICT_REPORTER, district);
        var item = items.draft(department, draft("校园周边环境检查", InspectionCategory.OTHER, APRIL));
        var id = item.id();

        assertThat(checks.check(district.id(), 2026)).anySatisfy(f -> {
            assertThat(f.rule().kind()).isEqualTo(RuleKind.CONSULTATION);
            assertThat(f.rule().requirementCode()).isEqualTo("2021-02");
            assertThat(f.itemIds()).containsExactly(id);
        });
        var submitted = items.submit(department, id, item.version());
        assertThatThrownBy(() -> items.compile(reporter, id, submitted.version()))
                .isInstanceOf(RuleViolation.class).hasMessage("inspection.error.consultation-missing");
        var disagreed = items.consult(reporter, id, submitted.version(), false, "与卫生检查重复，请合并。");
        assertThat(disagreed.state()).isEqualTo(ItemState.DRAFT);
        assertThat(checks.check(district.id(), 2026)).anyMatch(f -> f.rule().kind() == RuleKind.CONSULTATION && f.involves(id));
    }

    @Test
    void noOneApprovesAnItemTheyDrafted() {
        var city = data.fixtures.city();
        var author = data.person(Role.CITY_ADMIN, city);
        var other = data.person(Role.CITY_ADMIN, city);
        var item = items.draft(author, draft("市级课后服务评估", InspectionCategory.ACCEPTANCE, LocalDate.of(2026, 10, 12)));
        item = items.submit(author, item.id(), item.version());
        var compiled = items.compile(author, item.id(), item.version());
        assertThatThrownBy(() -> items.approve(author, compiled.id(), compiled.version(), "市委办公厅", "京办〔2026〕9号", APPROVED_ON))
                .isInstanceOf(RuleViolation.class).hasMessage("inspection.error.own-item");
        assertThat(items.readable(other, compiled.id()).state()).isEqualTo(ItemState.COMPILED);
        var approved = items.approve(other, compiled.id(), compiled.version(), "市委办公厅", "京办〔2026〕9号", APPROVED_ON);
        assertThat(approved.state()).isEqualTo(ItemState.APPROVED);
    }

    @Test
    void stepsOfTheWrongRoleAreForbidden() {
        var district = data.fengtai();
        var reporter = data.person(Role.DISTRICT_REPORTER, district);
        var approver = data.person(Role.DISTRICT_APPROVER, district);
        var item = items.draft(reporter, draft("教学常规视导", InspectionCategory.TEACHING_INSPECTION, APRIL));
        assertThatThrownBy(() -> items.draft(approver, draft("x", InspectionCategory.OTHER, APRIL))).isInstanceOf(AccessDeniedException.class);
        var submitted = items.submit(reporter, item.id(), item.version());
        var compiled = items.compile(reporter, submitted.id(), submitted.version());
        assertThatThrownBy(() -> items.approve(reporter, compiled.id(), compiled.version(), "区委办公室", "文号", APPROVED_ON))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> items.compile(approver, compiled.id(), compiled.version())).isInstanceOf(AccessDeniedException.class);
        assertThat(items.readable(reporter, compiled.id()).state()).isEqualTo(ItemState.COMPILED);
    }

    @Test
    void aBlockingFrequencyFindingStopsApprovalAndOnlyApprovedItemsAreFiled() {
        var district = data.fengtai();
        var reporter = data.person(Role.DISTRICT_REPORTER, district);
        var approver = data.person(Role.DISTRICT_APPROVER, district);
        // three routine checks of every school in the spring term: more than twice per semester
        var item = items.draft(reporter, draft("校园安全日常检查", InspectionCategory.ROUTINE_CHECK,
                LocalDate.of(2026, 3, 9), LocalDate.of(2026, 4, 20), LocalDate.of(2026, 6, 1)));
        item = items.submit(reporter, item.id(), item.version());
        var compiled = items.compile(reporter, item.id(), item.version());
        var finding = checks.check(district.id(), 2026).stream()
                .filter(f -> f.rule().kind() == RuleKind.FREQUENCY && f.involves(compiled.id())).findFirst().orElseThrow();
        assertThat(finding.rule().requirementCode()).isEqualTo("2021-05");
        assertThat(finding.count()).isEqualTo(3);
        assertThat(finding.schoolIds()).hasSize(data.units.children(district.id()).stream()
                .filter(u -> u.type() == org.jianfu.unit.UnitType.SCHOOL).toList().size());
        assertThatThrownBy(() -> items.approve(approver, compiled.id(), compiled.version(), "区委办公室", "丰办〔2026〕2号", APPROVED_ON))
                .isInstanceOf(RuleViolation.class).hasMessage("inspection.error.blocking-findings");
        assertThatThrownBy(() -> items.filePlan(approver, district.id(), 2026))
                .isInstanceOf(RuleViolation.class).hasMessage("inspection.error.plan-empty");

        var returned = items.returnToDraft(reporter, compiled.id(), compiled.version(), "每学期不超过两次，请调整。");
        var fixed = items.update(reporter, returned.id(), returned.version(), draft("校园安全日常检查", InspectionCategory.ROUTINE_CHECK,
                LocalDate.of(2026, 3, 9), LocalDate.of(2026, 6, 1)));
        fixed = items.submit(reporter, fixed.id(), fixed.version());
        fixed = items.compile(reporter, fixed.id(), fixed.version());
        items.approve(approver, fixed.id(), fixed.version(), "区委办公室", "丰办〔2026〕2号", APPROVED_ON);
        items.filePlan(approver, district.id(), 2026);
        assertThat(items.latestFiling(district.id(), 2026)).hasValueSatisfying(f -> assertThat(f.itemCount()).isPositive());
    }

    @Test
    void anItemWithMoreOccurrencesThanAllowedIsRefusedWithTheNumbersInsteadOfLosingDates() {
        var reporter = data.person(Role.DISTRICT_REPORTER, data.units.findByCode("110118").orElseThrow()); // 密云区
        var days = java.util.stream.IntStream.range(0, InspectionItems.MAX_OCCURRENCES + 1)
                .mapToObj(n -> LocalDate.of(2026, 1, 5).plusWeeks(n)).toArray(LocalDate[]::new);
        assertThatThrownBy(() -> items.draft(reporter, draft("每周安全巡查", InspectionCategory.ROUTINE_CHECK, days)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.messageKey()).isEqualTo("inspection.error.too-many-windows");
                    assertThat(v.arguments()).containsExactly(InspectionItems.MAX_OCCURRENCES, InspectionItems.MAX_OCCURRENCES + 1);
                });
        var most = java.util.Arrays.copyOf(days, InspectionItems.MAX_OCCURRENCES);
        assertThat(items.draft(reporter, draft("每周安全巡查", InspectionCategory.ROUTINE_CHECK, most)).plannedOccurrences())
                .isEqualTo(InspectionItems.MAX_OCCURRENCES);
    }

    @Test
    void aCityAdminAddsARuleSetFromALaterPolicyAndTheCheckAppliesItWithoutACodeChange() {
        var district = data.units.findByCode("110113").orElseThrow(); // 顺义区
        var reporter = data.person(Role.DISTRICT_REPORTER, district);
        var item = items.draft(reporter, draft("顺义区综合督导", InspectionCategory.COMPREHENSIVE_SUPERVISION, LocalDate.of(2027, 3, 8)));
        items.draft(reporter, draft("顺义区办学水平综合督导", InspectionCategory.COMPREHENSIVE_SUPERVISION, LocalDate.of(2027, 3, 8)));
        var before = checks.check(district.id(), 2027).stream().filter(f -> f.rule().ruleSetName().equals("2027年督导新规")).count();
        assertThat(before).isZero();

        var cityAdmin = data.as("city.admin");
        var set = ruleSets.create(cityAdmin, "2027年督导新规", "某市关于进一步规范督导检查的通知（2027）", 2027, null);
        ruleSets.addRule(cityAdmin, set, RuleKind.FREQUENCY, "2021-05", java.util.Set.of(InspectionCategory.COMPREHENSIVE_SUPERVISION),
                java.util.Set.of(InspectionLevel.CITY, InspectionLevel.DISTRICT), RulePeriod.YEAR, null, 1, null, null, true,
                "县级以上每校每年至多一次综合督导");
        ruleSets.addRule(cityAdmin, set, RuleKind.NOTICE, "2021-05", java.util.Set.of(), java.util.Set.of(), null, null, null, 30, null, false,
                "检查须至少提前一个月通知学校");
        assertThatThrownBy(() -> ruleSets.addRule(data.as("haidian.reporter"), set, RuleKind.NOTICE, "2021-05", java.util.Set.of(),
                java.util.Set.of(), null, null, null, 30, null, false, "x")).isInstanceOf(AccessDeniedException.class);

        var findings = checks.check(district.id(), 2027);
        assertThat(findings).anySatisfy(f -> {
            assertThat(f.rule().ruleSetName()).isEqualTo("2027年督导新规");
            assertThat(f.rule().sourceDocument()).contains("2027");
            assertThat(f.itemIds()).contains(item.id());
        });
        // the rule set applies from 2027: the same items a year earlier are not checked against it
        assertThat(checks.check(district.id(), 2026)).noneMatch(f -> f.rule().ruleSetName().equals("2027年督导新规"));
    }
}
