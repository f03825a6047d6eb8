package org.jianfu.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jianfu.account.Role;
import org.jianfu.ledger.RegisterFigures;
import org.jianfu.test.JianfuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staffing register's figures on 房山区's ledger (requirements 8, 18, 19, 21) are computed from the rows recorded, link to
 * them, and are the same whether a district is asked alone or with others. Rolled back.
 */
@JianfuIntegrationTest
@Import(StaffingTestData.class)
@Transactional
class StaffingFiguresTests {

    @Autowired StaffingTestData data;
    @Autowired List<RegisterFigures> registers;
    @Autowired AidDispatches dispatches;
    @Autowired Secondments secondments;
    @Autowired Trainings trainings;
    @Autowired AttendanceImports imports;
    @Autowired MockMvc mvc;

    private Map<String, RegisterFigures.Figure> figures(long district, int year) {
        var staffing = registers.stream().filter(StaffingFigures.class::isInstance).findFirst().orElseThrow();
        return staffing.figuresFor(district, year).stream().collect(Collectors.toMap(RegisterFigures.Figure::key, Function.identity()));
    }

    private static long number(Map<String, RegisterFigures.Figure> figures, String key, int argument) {
        return ((Number) figures.get(key).arguments()[argument]).longValue();
    }

    private TrainingDraft draft(String title, Long organiser, TrainingKind kind, String hours) {
        return new TrainingDraft(data.today().getYear(), title, organiser, kind, TrainingMode.ONLINE, new BigDecimal(hours), "全区教师");
    }

    @Test
    void theFiguresCountTheRowsRecordedAndLinkToThem() throws Exception {
        var district = data.fangshan().id();
        var year = data.today().getYear();
        var before = figures(district, year);
        var reporter = data.reporter();
        var approver = data.approver();
        var school = data.schools().get(0);
        var teachers = data.teachers(reporter, school, school, school);
        var start = data.today().minusDays(5);
        var task = dispatches.setTask(reporter, new AidTaskDraft("TIBET", "拉萨市第二中学", 2, start, start.plusMonths(18), null));
        dispatches.send(reporter, task.id(), teachers.get(0).teacherNumber(), null, null);
        secondments.record(reporter, data.draft(teachers.get(1), Purpose.INSPECTION, start, start.plusDays(9)));
        var department = data.department();
        var asDepartment = data.person(Role.DEPARTMENT_USER, department);
        var planned = trainings.record(reporter, draft("教研一体化", null, TrainingKind.TEACHING_RESEARCH, "20"));
        trainings.record(reporter, draft("教师心理健康", null, TrainingKind.MENTAL_HEALTH, "4"));
        trainings.record(reporter, draft("智慧课堂应用", null, TrainingKind.INFORMATION_TECHNOLOGY, "6"));
        var approved = trainings.record(asDepartment, draft("交通安全", null, TrainingKind.NON_TEACHING, "2"));
        var merged = trainings.record(asDepartment, draft("防溺水", null, TrainingKind.NON_TEACHING, "2"));
        var cancelled = trainings.record(asDepartment, draft("创城宣传", null, TrainingKind.NON_TEACHING, "2"));
        trainings.record(asDepartment, draft("文明礼仪", null, TrainingKind.NON_TEACHING, "2"));
        trainings.decide(approver, approved.id(), approved.version(), Trainings.Decision.APPROVE, null, "依法开展");
        trainings.decide(approver, merged.id(), merged.version(), Trainings.Decision.MERGE, planned.id(), "并入教研");
        trainings.decide(approver, cancelled.id(), cancelled.version(), Trainings.Decision.CANCEL, null, "与教学无关");
        imports.apply(reporter, imports.preview(reporter, "学时.csv", ("教师编号,培训,学时\n" + teachers.get(2).teacherNumber() + ","
                + planned.id() + ",20\n").getBytes(StandardCharsets.UTF_8)));

        var after = figures(district, year);

        assertThat(after.get("staffing.aid").requirementCode()).isEqualTo("2021-08");
        assertThat(number(after, "staffing.aid", 0) - number(before, "staffing.aid", 0)).isEqualTo(1);
        assertThat(number(after, "staffing.aid", 1) - number(before, "staffing.aid", 1)).isEqualTo(1);
        assertThat(after.get("staffing.secondments").requirementCode()).isEqualTo("2021-18");
        assertThat(number(after, "staffing.secondments", 0) - number(before, "staffing.secondments", 0)).isEqualTo(1);
        assertThat(number(after, "staffing.drafted", 0) - number(before, "staffing.drafted", 0)).isEqualTo(1);
        assertThat(number(after, "staffing.drafted", 1) - number(before, "staffing.drafted", 1)).isEqualTo(10);
        assertThat(after.get("staffing.trainings").requirementCode()).isEqualTo("2021-19");
        for (int i = 0; i < 5; i++) {
            // planned (3: the own ones), approved, merged, cancelled, without approval
            assertThat(number(after, "staffing.trainings", i) - number(before, "staffing.trainings", i)).isEqualTo(i == 0 ? 3 : 1);
        }
        assertThat(after.get("staffing.trainings").alert()).isTrue();
        assertThat(number(after, "staffing.training-hours", 0) - number(before, "staffing.training-hours", 0)).isEqualTo(1);
        assertThat(after.get("staffing.mental-health").requirementCode()).isEqualTo("2021-21");
        assertThat(number(after, "staffing.mental-health", 0) - number(before, "staffing.mental-health", 0)).isEqualTo(1);
        assertThat(after.get("staffing.information-technology").requirementCode()).isEqualTo("2021-21");
        assertThat(number(after, "staffing.information-technology", 0) - number(before, "staffing.information-technology", 0)).isEqualTo(1);
        assertThat(new BigDecimal((String) after.get("staffing.information-technology").arguments()[1])
                .subtract(new BigDecimal((String) before.get("staffing.information-technology").arguments()[1]))).isEqualByComparingTo("6");

        // each figure's link opens the rows it counted, for the district's reporter
        var aidPage = mvc.perform(get(after.get("staffing.aid").link()).with(user(reporter))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(aidPage).contains(teachers.get(0).name());
        var draftedPage = mvc.perform(get(after.get("staffing.drafted").link()).with(user(reporter))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(draftedPage).contains(teachers.get(1).name()).doesNotContain(teachers.get(0).name());
        var trainingPage = mvc.perform(get(after.get("staffing.trainings").link()).with(user(reporter))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(trainingPage).contains("文明礼仪").contains("教研一体化");
        var mentalPage = mvc.perform(get(after.get("staffing.mental-health").link()).with(user(reporter))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(mentalPage).contains("教师心理健康").doesNotContain("教研一体化");
        var itPage = mvc.perform(get(after.get("staffing.information-technology").link()).with(user(reporter))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(itPage).contains("智慧课堂应用").doesNotContain("教师心理健康");
        var hoursPage = mvc.perform(get(after.get("staffing.training-hours").link()).with(user(reporter))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(hoursPage).contains(teachers.get(2).teacherNumber());
        for (var figure : after.values()) {
            mvc.perform(get(figure.link()).with(user(reporter))).andExpect(status().isOk());
        }
    }

    @Test
    void severalDistrictsAtOnceGetTheSameFiguresAsEachAlone() {
        var staffing = registers.stream().filter(StaffingFigures.class::isInstance).findFirst().orElseThrow();
        var year = data.today().getYear();
        var ids = List.of(data.fangshan().id(), data.changping().id(), data.fixtures.haidian().id());

        var together = staffing.figuresFor(ids, year);

        for (var id : ids) {
            var alone = staffing.figuresFor(id, year);
            assertThat(together.get(id)).hasSameSizeAs(alone);
            for (int i = 0; i < alone.size(); i++) {
                assertThat(together.get(id).get(i).key()).isEqualTo(alone.get(i).key());
                assertThat(together.get(id).get(i).arguments()).isEqualTo(alone.get(i).arguments());
                assertThat(together.get(id).get(i).link()).isEqualTo(alone.get(i).link());
            }
        }
    }
}
