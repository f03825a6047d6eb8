package org.jianfu.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;

import org.jianfu.account.Role;
import org.jianfu.audit.AuditTrail;
import org.jianfu.platform.RuleViolation;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.unit.Unit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * The training plan's rules (requirement 19) in 房山区, rolled back (the department they need is made for each test):
 * non-teaching training of another unit flagged until the education department approves, merges or cancels it with a
 * reason, each audited; the department's own planned; scope across districts.
 */
@JianfuIntegrationTest
@Import(StaffingTestData.class)
@Transactional
class TrainingRulesTests {

    @Autowired StaffingTestData data;
    @Autowired Trainings trainings;
    @Autowired AuditTrail auditTrail;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    private long notices(Unit unit, String kind, long training) {
        return jdbc.sql("select count(*) from notification where unit_id = ? and kind = ? and link = ?")
                .params(unit.id(), kind, "/staffing/trainings/" + training).query(Long.class).single();
    }

    private TrainingDraft draft(String title, Long organiser, TrainingKind kind) {
        return new TrainingDraft(data.today().getYear(), title, organiser, kind, TrainingMode.OFFLINE, new BigDecimal("6"), "全区中小学班主任");
    }

    private Training nonTeaching(Unit department) {
        return trainings.record(data.person(Role.DEPARTMENT_USER, department), draft("垃圾分类知识培训", null, TrainingKind.NON_TEACHING));
    }

    @Test
    void aNonTeachingTrainingOfAnotherDepartmentIsFlaggedAsWithoutApprovalAndTheDepartmentsOwnIsPlanned() {
        var department = data.department();
        var reporter = data.reporter();

        var fromDepartment = nonTeaching(department);
        var enteredByReporter = trainings.record(reporter, draft("消防安全培训", department.id(), TrainingKind.NON_TEACHING));
        var own = trainings.record(reporter, draft("区教委组织的安全教育培训", null, TrainingKind.NON_TEACHING));
        var mentalHealth = trainings.record(data.person(Role.DEPARTMENT_USER, department), draft("教师心理调适", null,
                TrainingKind.MENTAL_HEALTH));

        assertThat(fromDepartment.state()).isEqualTo(TrainingState.SUBMITTED);
        assertThat(fromDepartment.unapproved()).isTrue();
        assertThat(fromDepartment.organiserUnitId()).isEqualTo(department.id());
        assertThat(fromDepartment.districtId()).isEqualTo(data.fangshan().id());
        assertThat(enteredByReporter.unapproved()).isTrue();
        assertThat(own.state()).isEqualTo(TrainingState.PLANNED);
        assertThat(mentalHealth.state()).isEqualTo(TrainingState.PLANNED);
        assertThat(auditTrail.recordsOf("staffing-training", Long.toString(fromDepartment.id()), "staffing.training-recorded")).hasSize(1);
        assertThat(notices(data.fangshan(), "TRAINING_SUBMITTED", fromDepartment.id())).isEqualTo(1);
        assertThat(notices(data.fangshan(), "TRAINING_SUBMITTED", own.id())).isZero();
    }

    @Test
    void theApproverApprovesWithAReasonAndTheDecisionIsAuditedAndToldToTheDepartment() {
        var department = data.department();
        var training = nonTeaching(department);
        var approver = data.approver();

        var noReason = catchThrowableOfType(RuleViolation.class,
                () -> trainings.decide(approver, training.id(), training.version(), Trainings.Decision.APPROVE, null, " "));
        var approved = trainings.decide(approver, training.id(), training.version(), Trainings.Decision.APPROVE, null, "依法依规开展，保留");
        var again = catchThrowableOfType(RuleViolation.class,
                () -> trainings.decide(approver, approved.id(), approved.version(), Trainings.Decision.CANCEL, null, "改为取消"));

        assertThat(noReason.messageKey()).isEqualTo("staffing.error.training-reason");
        assertThat(approved.state()).isEqualTo(TrainingState.APPROVED);
        assertThat(approved.unapproved()).isFalse();
        assertThat(approved.decisionReason()).isEqualTo("依法依规开展，保留");
        assertThat(approved.decidedBy()).isEqualTo(approver.displayName());
        assertThat(again.messageKey()).isEqualTo("staffing.error.training-not-waiting");
        assertThat(auditTrail.recordsOf("staffing-training", Long.toString(training.id()), "staffing.training-approved")).hasSize(1);
        assertThat(notices(department, "TRAINING_APPROVED", training.id())).isEqualTo(1);
    }

    @Test
    void theApproverMergesItIntoAPlannedTrainingOfTheSamePlanOnly() {
        var training = nonTeaching(data.department());
        var approver = data.approver();
        var target = trainings.record(data.reporter(), draft("班主任安全教育专题", null, TrainingKind.SUBJECT));
        var otherDistrict = trainings.record(data.person(Role.DISTRICT_REPORTER, data.changping()), draft("昌平培训", null,
                TrainingKind.SUBJECT));

        var noTarget = catchThrowableOfType(RuleViolation.class,
                () -> trainings.decide(approver, training.id(), training.version(), Trainings.Decision.MERGE, null, "内容重复"));
        var foreign = catchThrowableOfType(RuleViolation.class,
                () -> trainings.decide(approver, training.id(), training.version(), Trainings.Decision.MERGE, otherDistrict.id(), "内容重复"));
        var merged = trainings.decide(approver, training.id(), training.version(), Trainings.Decision.MERGE, target.id(), "与班主任专题内容重复，合并");

        assertThat(noTarget.messageKey()).isEqualTo("staffing.error.training-merge-target");
        assertThat(foreign.messageKey()).isEqualTo("staffing.error.training-merge-target");
        assertThat(merged.state()).isEqualTo(TrainingState.MERGED);
        assertThat(merged.mergedIntoId()).isEqualTo(target.id());
        assertThat(trainings.mergedInto(merged).title()).isEqualTo("班主任安全教育专题");
        assertThat(auditTrail.recordsOf("staffing-training", Long.toString(training.id()), "staffing.training-merged")).hasSize(1);
    }

    @Test
    void theDepartmentWhoseTrainingWasMergedSeesWhereItWentWithoutALinkToTheDistrictsOwnTraining() throws Exception {
        var department = data.department();
        var training = nonTeaching(department);
        var target = trainings.record(data.reporter(), draft("班主任安全教育专题", null, TrainingKind.SUBJECT));
        trainings.decide(data.approver(), training.id(), training.version(), Trainings.Decision.MERGE, target.id(), "内容重复，合并");

        var page = mvc.perform(get("/staffing/trainings/" + training.id()).with(user(data.person(Role.DEPARTMENT_USER, department))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var approverPage = mvc.perform(get("/staffing/trainings/" + training.id()).with(user(data.approver())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("班主任安全教育专题").doesNotContain("/staffing/trainings/" + target.id() + "\"");
        assertThat(approverPage).contains("/staffing/trainings/" + target.id() + "\"");
    }

    @Test
    void aDepartmentOfTheCityOpensTheTrainingsItOrganisesWithoutRecordingIntoADistrictsPlan() throws Exception {
        var cityDepartment = data.units.create(new org.jianfu.unit.Units.NewUnit(data.units.root().orElseThrow().id(),
                org.jianfu.unit.UnitType.DEPARTMENT, "市测试局" + System.nanoTime(), null, null));

        var page = mvc.perform(get("/staffing/trainings").with(user(data.person(Role.DEPARTMENT_USER, cityDepartment))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).doesNotContain("/staffing/trainings/new");
    }

    @Test
    void theApproverCancelsItWithAReasonThroughThePage() throws Exception {
        var training = nonTeaching(data.department());

        mvc.perform(post("/staffing/trainings/" + training.id() + "/decide").with(user(data.approver())).with(csrf())
                .param("version", "" + training.version()).param("decision", "CANCEL").param("reason", "与教育教学无关，取消"))
                .andExpect(status().is3xxRedirection());

        var cancelled = trainings.read(data.approver(), training.id());
        assertThat(cancelled.state()).isEqualTo(TrainingState.CANCELLED);
        assertThat(cancelled.decisionReason()).isEqualTo("与教育教学无关，取消");
        assertThat(auditTrail.recordsOf("staffing-training", Long.toString(training.id()), "staffing.training-cancelled")).hasSize(1);
    }

    @Test
    void onlyTheDistrictsApproverDecidesAndNobodyOutsideTheDistrictSeesTheTraining() throws Exception {
        var department = data.department();
        var training = nonTeaching(department);
        var otherReporter = data.person(Role.DISTRICT_REPORTER, data.changping());
        var otherApprover = data.person(Role.DISTRICT_APPROVER, data.changping());

        mvc.perform(get("/staffing/trainings/" + training.id()).with(user(otherReporter))).andExpect(status().isNotFound());
        mvc.perform(get("/staffing/trainings").param("district", "" + data.fangshan().id()).with(user(otherReporter)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/staffing/trainings/" + training.id() + "/decide").with(user(otherApprover)).with(csrf())
                .param("version", "" + training.version()).param("decision", "APPROVE").param("reason", "同意"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/staffing/trainings/" + training.id() + "/decide").with(user(data.reporter())).with(csrf())
                .param("version", "" + training.version()).param("decision", "APPROVE").param("reason", "同意"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/staffing/trainings/" + training.id()).with(user(data.person(Role.DEPARTMENT_USER, department))))
                .andExpect(status().isOk());
        mvc.perform(get("/staffing/trainings/" + training.id()).with(user(data.reporter()))).andExpect(status().isOk());
        assertThat(trainings.read(data.reporter(), training.id()).state()).isEqualTo(TrainingState.SUBMITTED);
    }
}
