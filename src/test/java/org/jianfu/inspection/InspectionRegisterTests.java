package org.jianfu.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.jianfu.inspection.InspectionTestData.draft;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jianfu.account.Role;
import org.jianfu.ledger.Ledgers;
import org.jianfu.platform.RuleViolation;
import org.jianfu.test.Fixtures;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.test.Logins;
import org.jianfu.test.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Scope, the 50% cleanup, recorded visits with their flags, and the figures on a district's ledger. */
@JianfuIntegrationTest
@Import(InspectionTestData.class)
class InspectionRegisterTests {

    @Autowired MockMvc mvc;
    @Autowired InspectionTestData data;
    @Autowired InspectionItems items;
    @Autowired Cleanups cleanups;
    @Autowired Visits visits;
    @Autowired InspectionChecks checks;
    @Autowired Ledgers ledgers;
    @Autowired MutableClock clock;

    // --- scope

    @Test
    void aDistrictCannotReadOrActOnAnotherDistrictsPlanItemsCleanupOrVisits() throws Exception {
        var fengtai = data.fengtai();
        var reporter = data.person(Role.DISTRICT_REPORTER, fengtai);
        var item = items.draft(reporter, draft("丰台区教学视导", InspectionCategory.TEACHING_INSPECTION, LocalDate.of(2026, 5, 11)));
        item = items.submit(reporter, item.id(), item.version());
        var school = data.schoolOf(fengtai);
        var other = Logins.session(mvc, data.fixtures.account(Role.DISTRICT_REPORTER, data.dongcheng()), Fixtures.STRONG_PASSWORD);

        mvc.perform(get("/inspection/plans/{u}/2026", fengtai.id()).with(other)).andExpect(status().isNotFound());
        mvc.perform(get("/inspection/items/{id}", item.id()).with(other)).andExpect(status().isNotFound());
        mvc.perform(post("/inspection/items/{id}/compile", item.id()).param("version", "" + item.version()).with(other).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/inspection/cleanups/{u}/2026", fengtai.id()).with(other)).andExpect(status().isNotFound());
        mvc.perform(post("/inspection/cleanups/{u}/2026/items", fengtai.id()).param("name", "x").param("category", "OTHER")
                .with(other).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/inspection/visits").param("unit", "" + fengtai.id()).with(other)).andExpect(status().isNotFound());
        mvc.perform(get("/inspection/schools/{id}/calendar", school.id()).with(other)).andExpect(status().isNotFound());
        assertThat(items.readable(reporter, item.id()).state()).isEqualTo(ItemState.SUBMITTED);
        assertThat(cleanups.read(reporter, fengtai.id(), 2026).baseline()).isZero();
    }

    @Test
    void aDepartmentSeesOnlyItsOwnItemsAndASchoolOnlyItsOwnCalendar() throws Exception {
        var dongcheng = data.dongcheng();
        var department = data.person(Role.DEPARTMENT_USER, data.departmentOf(dongcheng));
        var item = items.draft(department, draft("东城区卫生检查", InspectionCategory.OTHER, LocalDate.of(2026, 5, 11)));
        var reporterItem = items.draft(data.person(Role.DISTRICT_REPORTER, dongcheng),
                draft("东城区教委视导", InspectionCategory.TEACHING_INSPECTION, LocalDate.of(2026, 5, 18)));
        var otherDepartment = Logins.session(mvc, data.fixtures.account(Role.DEPARTMENT_USER, data.departmentOf(data.units.findByCode("110105").orElseThrow())),
                Fixtures.STRONG_PASSWORD);
        var own = Logins.session(mvc, department.username(), Fixtures.STRONG_PASSWORD);
        mvc.perform(get("/inspection/items/{id}", item.id()).with(otherDepartment)).andExpect(status().isNotFound());
        mvc.perform(get("/inspection/items/{id}", reporterItem.id()).with(own)).andExpect(status().isNotFound());
        mvc.perform(get("/inspection").with(own)).andExpect(status().isOk()).andExpect(content().string(containsString("东城区卫生检查")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("东城区教委视导"))));
        mvc.perform(get("/inspection/plans/{u}/2026", dongcheng.id()).with(own)).andExpect(status().isNotFound());

        var school = Logins.session(mvc, "school.user", Fixtures.DEMO_PASSWORD);
        mvc.perform(get("/inspection/schools/{id}/calendar", data.schoolOf(dongcheng).id()).with(school)).andExpect(status().isNotFound());
        mvc.perform(post("/inspection/visits").param("schoolId", "" + data.schoolOf(dongcheng).id()).param("category", "OTHER")
                .param("visitDate", "2026-03-01").param("inspectors", "x").param("teacherHours", "1").with(school).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void aDepartmentsItemImplementingACityItemOpensForItAndNamesTheCityItemWithoutALink() throws Exception {
        var district = data.dongcheng();
        var cityAuthor = data.person(Role.CITY_ADMIN, data.fixtures.city());
        // aimed at one school of the district, so that no other test's district sees a city item more
        var school = data.schoolOf(district);
        var cityDraft = draft("全市校园安全专项督导", InspectionCategory.OTHER, LocalDate.of(2026, 5, 11));
        var cityItem = items.draft(cityAuthor, new ItemDraft(cityDraft.year(), cityDraft.name(), cityDraft.basis(), cityDraft.content(),
                TargetKind.LISTED_SCHOOLS, java.util.Set.of(), List.of(school.id()), cityDraft.method(), "", InspectionCategory.OTHER, false,
                null, cityDraft.windows()));
        cityItem = items.submit(cityAuthor, cityItem.id(), cityItem.version());
        cityItem = items.compile(cityAuthor, cityItem.id(), cityItem.version());
        cityItem = items.approve(data.as("city.admin"), cityItem.id(), cityItem.version(), "市委办公厅", "京办〔2026〕12号",
                LocalDate.of(2026, 2, 25));
        var department = data.person(Role.DEPARTMENT_USER, data.departmentOf(district));
        var own = draft("东城区落实校园安全专项督导", InspectionCategory.OTHER, LocalDate.of(2026, 5, 12));
        var item = items.draft(department, new ItemDraft(own.year(), own.name(), own.basis(), own.content(), TargetKind.LISTED_SCHOOLS,
                java.util.Set.of(), List.of(school.id()), own.method(), "", own.category(), false, cityItem.id(), own.windows()));
        mvc.perform(get("/inspection/items/{id}", item.id()).with(user(department))).andExpect(status().isOk())
                .andExpect(content().string(containsString("全市校园安全专项督导")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("/inspection/items/" + cityItem.id() + "\""))));
    }

    @Test
    void onlyTheSchoolADepartmentTheDistrictsReporterAndTheCityAdminRecordVisits() {
        var district = data.units.findByCode("110111").orElseThrow(); // 房山区
        var school = data.schoolOf(district);
        var unplanned = new VisitDraft(school.id(), null, InspectionCategory.OTHER, LocalDate.of(2026, 2, 26), null, "街道2人",
                BigDecimal.ONE, true, "");
        var notices = "select count(*) from notification where kind = 'VISIT_FLAGGED'";
        var before = jdbc.sql(notices).query(Long.class).single();
        for (var refused : List.of(data.as("sysadmin"), data.as("auditor"), data.as("supervisor"),
                data.person(Role.DISTRICT_APPROVER, district))) {
            assertThatThrownBy(() -> visits.record(refused, unplanned)).as(refused.role().name())
                    .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        }
        assertThat(jdbc.sql(notices).query(Long.class).single()).isEqualTo(before);
        for (var recorder : List.of(data.as("city.admin"), data.person(Role.DISTRICT_REPORTER, district), data.person(Role.SCHOOL_USER, school))) {
            assertThat(visits.record(recorder, unplanned).schoolId()).isEqualTo(school.id());
        }
    }

    @Test
    void theVisitListOffersToRecordAVisitOnlyToThoseWhoMay() throws Exception {
        var district = data.dongcheng();
        var page = "/inspection/visits?unit=" + district.id() + "&year=2026&flaggedOnly=true";
        for (var reader : List.of(data.person(Role.DISTRICT_APPROVER, district), data.as("supervisor"))) {
            mvc.perform(get(page).with(user(reader))).andExpect(status().isOk())
                    .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("/inspection/visits/new"))));
        }
        mvc.perform(get(page).with(user(data.person(Role.DISTRICT_REPORTER, district)))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/inspection/visits/new")));
    }

    @Test
    void aSchoolsCalendarIsReadByEducationStaffInScopeAndTheSchoolOnly() throws Exception {
        var district = data.dongcheng();
        var school = data.schoolOf(district);
        for (var reader : List.of(data.as("city.admin"), data.as("supervisor"), data.person(Role.DISTRICT_REPORTER, district),
                data.person(Role.DISTRICT_APPROVER, district), data.person(Role.SCHOOL_USER, school))) {
            mvc.perform(get("/inspection/schools/{id}/calendar", school.id()).with(user(reader))).andExpect(status().isOk());
        }
        for (var refused : List.of(data.as("sysadmin"), data.as("auditor"), data.person(Role.DEPARTMENT_USER, data.departmentOf(district)))) {
            mvc.perform(get("/inspection/schools/{id}/calendar", school.id()).with(user(refused))).andExpect(status().isForbidden());
        }
    }

    // --- the cleanup (requirement 4)

    @Test
    void filingTheRetainedListIsRefusedBelowFiftyPercentWithTheNumbersShown() throws Exception {
        var district = data.units.findByCode("110107").orElseThrow(); // 石景山区
        var reporter = data.person(Role.DISTRICT_REPORTER, district);
        var approver = data.person(Role.DISTRICT_APPROVER, district);
        var a = cleanups.add(reporter, district.id(), 2026, "教学常规检查", "", "区教委", InspectionCategory.TEACHING_INSPECTION);
        var b = cleanups.add(reporter, district.id(), 2026, "教学质量抽查", "", "区教委", InspectionCategory.TEACHING_INSPECTION);
        var c = cleanups.add(reporter, district.id(), 2026, "校园安全检查", "", "区教委", InspectionCategory.ROUTINE_CHECK);
        var d = cleanups.add(reporter, district.id(), 2026, "作业管理检查", "", "区教委", InspectionCategory.ROUTINE_CHECK);
        cleanups.mark(reporter, a.id(), a.version(), BaselineOutcome.RETAINED, null, "");
        cleanups.mark(reporter, b.id(), b.version(), BaselineOutcome.RETAINED, null, "");
        var c2 = cleanups.mark(reporter, c.id(), c.version(), BaselineOutcome.RETAINED, null, "");
        cleanups.mark(reporter, d.id(), d.version(), BaselineOutcome.CANCELLED, null, "");

        var page = Logins.session(mvc, approver.username(), Fixtures.STRONG_PASSWORD);
        mvc.perform(post("/inspection/cleanups/{u}/2026/approve", district.id()).param("document", "石教领〔2026〕1号")
                .param("approvedOn", "2026-03-01").with(page).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get("/inspection/cleanups/{u}/2026", district.id()).with(page))
                .andExpect(content().string(containsString("减少比例未达到50%：清理前4项，保留3项，仅减少25.0%")));
        assertThat(cleanups.read(approver, district.id(), 2026).approved()).isFalse();

        cleanups.mark(reporter, c2.id(), c2.version(), BaselineOutcome.MERGED, a.id(), "并入教学常规检查");
        cleanups.approve(approver, district.id(), 2026, "石教领〔2026〕1号", LocalDate.of(2026, 3, 1));
        var filed = cleanups.file(approver, district.id(), 2026);
        assertThat(filed.reductionPercent()).isEqualByComparingTo(new BigDecimal("50.0"));
        assertThat(filed.record().late()).isFalse();
        assertThatThrownBy(() -> cleanups.add(reporter, district.id(), 2026, "新增", "", "", InspectionCategory.OTHER))
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    void aRetainedListFiledAfterTheEndOfJulyIsMarkedLate() {
        var district = data.units.findByCode("110109").orElseThrow(); // 门头沟区
        var reporter = data.person(Role.DISTRICT_REPORTER, district);
        var approver = data.person(Role.DISTRICT_APPROVER, district);
        var kept = cleanups.add(reporter, district.id(), 2026, "教学视导", "", "区教委", InspectionCategory.TEACHING_INSPECTION);
        var gone = cleanups.add(reporter, district.id(), 2026, "材料检查", "", "区教委", InspectionCategory.OTHER);
        cleanups.mark(reporter, kept.id(), kept.version(), BaselineOutcome.RETAINED, null, "");
        cleanups.mark(reporter, gone.id(), gone.version(), BaselineOutcome.CANCELLED, null, "");
        var before = clock.instant();
        try {
            clock.set(Instant.parse("2026-08-01T02:00:00Z"));
            cleanups.approve(approver, district.id(), 2026, "门教领〔2026〕2号", LocalDate.of(2026, 7, 30));
            assertThat(cleanups.file(approver, district.id(), 2026).record().late()).isTrue();
        }
        finally {
            clock.set(before);
        }
    }

    @Test
    void theCleanupShowsNoReductionBeforeAnyItemIsClassified() throws Exception {
        var district = data.units.findByCode("110119").orElseThrow(); // 延庆区
        var reporter = data.person(Role.DISTRICT_REPORTER, district);
        var first = cleanups.add(reporter, district.id(), 2026, "教学视导", "", "区教委", InspectionCategory.TEACHING_INSPECTION);
        cleanups.add(reporter, district.id(), 2026, "材料检查", "", "区教委", InspectionCategory.OTHER);
        var page = Logins.session(mvc, reporter.username(), Fixtures.STRONG_PASSWORD);
        mvc.perform(get("/inspection/cleanups/{u}/2026", district.id()).with(page)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("100.0%"))))
                .andExpect(content().string(containsString("尚未标明")));
        mvc.perform(get("/inspection").with(user(data.as("city.admin")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("清理前2项，尚未标明保留、合并或取消")));

        // once items are classified, the reduction counts only what is already gone
        cleanups.mark(reporter, first.id(), first.version(), BaselineOutcome.CANCELLED, null, "");
        var cleanup = cleanups.read(reporter, district.id(), 2026);
        assertThat(cleanup.reductionPercent()).isEqualByComparingTo(new BigDecimal("50.0"));
        mvc.perform(get("/inspection/cleanups/{u}/2026", district.id()).with(page)).andExpect(content().string(containsString("50.0%")));
    }

    @Test
    void aRetainedListNotFiledByTheEndOfJulyIsAnAlertForTheDistrictAndTheCity() throws Exception {
        var district = data.units.findByCode("110190").orElseThrow(); // 燕山地区: no other test files or approves its cleanup
        var reporter = data.person(Role.DISTRICT_REPORTER, district);
        cleanups.add(reporter, district.id(), 2026, "教学视导", "", "区教委", InspectionCategory.TEACHING_INSPECTION);
        var readers = List.of(user(reporter), user(data.person(Role.DISTRICT_APPROVER, district)), user(data.as("city.admin")));
        var alert = "保留事项清单应于2026-07-31前报市备案，已逾期未报备";
        for (var reader : readers) {
            mvc.perform(get("/inspection/cleanups/{u}/2026", district.id()).with(reader))
                    .andExpect(content().string(org.hamcrest.Matchers.not(containsString(alert))));
        }
        var before = clock.instant();
        try {
            clock.set(Instant.parse("2026-08-01T02:00:00Z"));
            for (var reader : readers) {
                mvc.perform(get("/inspection/cleanups/{u}/2026", district.id()).with(reader)).andExpect(status().isOk())
                        .andExpect(content().string(containsString("role=\"alert\"")))
                        .andExpect(content().string(containsString(alert)));
            }
            mvc.perform(get("/inspection").param("year", "2026").with(user(data.as("city.admin"))))
                    .andExpect(content().string(containsString("逾期未报备")));
            mvc.perform(get("/inspection/plans/{u}/2026", district.id()).with(user(reporter)))
                    .andExpect(content().string(containsString(alert)));
        }
        finally {
            clock.set(before);
        }
    }

    @Test
    void aBaselineIsImportedFromExcelWholeOrNotAtAll() throws Exception {
        var district = data.units.findByCode("110111").orElseThrow(); // 房山区
        var reporter = data.person(Role.DISTRICT_REPORTER, district);
        var session = Logins.session(mvc, reporter.username(), Fixtures.STRONG_PASSWORD);
        mvc.perform(multipart("/inspection/cleanups/{u}/2026/import", district.id())
                .file(new MockMultipartFile("file", "bad.xlsx", null, sheet("日常检查", "不存在的类别"))).with(session).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(cleanups.read(reporter, district.id(), 2026).baseline()).isZero();
        mvc.perform(multipart("/inspection/cleanups/{u}/2026/import", district.id())
                .file(new MockMultipartFile("file", "baseline.xlsx", null, sheet("日常检查", "ACCEPTANCE"))).with(session).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(cleanups.read(reporter, district.id(), 2026).items()).extracting(BaselineItem::category)
                .containsExactly(InspectionCategory.ROUTINE_CHECK, InspectionCategory.ACCEPTANCE);
    }

    static byte[] sheet(String... categories) throws Exception {
        try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("清单");
            var header = sheet.createRow(0);
            header.createCell(0).setCellValue("名称");
            header.createCell(3).setCellValue("类别");
            for (int i = 0; i < categories.length; i++) {
                var row = sheet.createRow(i + 1);
                row.createCell(0).setCellValue("事项" + (i + 1));
                row.createCell(1).setCellValue("依据");
                row.createCell(2).setCellValue("区教委");
                row.createCell(3).setCellValue(categories[i]);
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    // --- visits (requirements 6–7)

    @Test
    void unplannedOverFrequencyAndScreenshotVisitsAreFlaggedToTheDistrictAndTheCity() throws Exception {
        var district = data.units.findByCode("110112").orElseThrow(); // 通州区
        var item = data.approved(district, draft("通州区学科视导", InspectionCategory.SUBJECT_INSPECTION, LocalDate.of(2026, 2, 23)));
        var school = data.schoolOf(district);
        var recorder = data.person(Role.SCHOOL_USER, school);
        var planned = visits.record(recorder, new VisitDraft(school.id(), item.id(), null, LocalDate.of(2026, 2, 24),
                LocalDate.of(2026, 1, 20), "督学2人", new BigDecimal("3"), false, ""));
        var again = visits.record(recorder, new VisitDraft(school.id(), item.id(), null, LocalDate.of(2026, 2, 27),
                LocalDate.of(2026, 1, 20), "督学2人", new BigDecimal("2"), false, ""));
        var unplanned = visits.record(recorder, new VisitDraft(school.id(), null, InspectionCategory.OTHER, LocalDate.of(2026, 2, 26),
                LocalDate.of(2026, 2, 25), "街道2人", new BigDecimal("1.5"), true, "要求上传照片"));

        var flags = Visits.flagsByVisit(checks.check(district.id(), 2026));
        // the district and the city were told of each flagged visit when it was recorded, and of nothing else
        var cityUnit = data.units.root().orElseThrow();
        var notices = jdbc.sql("select unit_id, subject, link from notification where kind = 'VISIT_FLAGGED' and subject like ?")
                .param(school.name() + " %").query((rs, n) -> rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getString(3)).list();
        assertThat(notices).containsExactlyInAnyOrder(
                district.id() + "|" + school.name() + " 2026-02-27|/inspection/visits?unit=" + district.id() + "&year=2026&flaggedOnly=true",
                cityUnit.id() + "|" + school.name() + " 2026-02-27|/inspection/visits?unit=" + cityUnit.id() + "&year=2026&flaggedOnly=true",
                district.id() + "|" + school.name() + " 2026-02-26|/inspection/visits?unit=" + district.id() + "&year=2026&flaggedOnly=true",
                cityUnit.id() + "|" + school.name() + " 2026-02-26|/inspection/visits?unit=" + cityUnit.id() + "&year=2026&flaggedOnly=true");
        var districtPerson = Logins.session(mvc, data.fixtures.account(Role.DISTRICT_REPORTER, district), Fixtures.STRONG_PASSWORD);
        mvc.perform(get("/notifications").with(districtPerson)).andExpect(status().isOk())
                .andExpect(content().string(containsString("规则检查标记了一次检查记录：" + school.name() + " 2026-02-26")));
        assertThat(flags.getOrDefault(planned.id(), java.util.List.of())).extracting(f -> f.rule().kind())
                .doesNotContain(RuleKind.UNPLANNED_VISIT, RuleKind.OVER_PLANNED_VISIT, RuleKind.PROOF_DEMANDED);
        assertThat(flags.get(again.id())).extracting(f -> f.rule().kind()).contains(RuleKind.OVER_PLANNED_VISIT, RuleKind.FREQUENCY);
        assertThat(flags.get(unplanned.id())).extracting(f -> f.rule().kind()).contains(RuleKind.UNPLANNED_VISIT, RuleKind.PROOF_DEMANDED);

        var city = Logins.session(mvc, "city.admin", Fixtures.DEMO_PASSWORD);
        mvc.perform(get("/inspection/visits").param("unit", "" + district.id()).param("year", "2026").param("flaggedOnly", "true").with(city))
                .andExpect(status().isOk()).andExpect(content().string(containsString("街道2人")))
                .andExpect(content().string(containsString("要求 2021-07")));
        var school2 = Logins.session(mvc, recorder.username(), Fixtures.STRONG_PASSWORD);
        mvc.perform(get("/inspection/schools/{id}/calendar", school.id()).param("year", "2026").with(school2))
                .andExpect(status().isOk()).andExpect(content().string(containsString("通州区学科视导")))
                .andExpect(content().string(containsString("计划外")));
    }

    @Test
    void theVisitFormOffersTheItemsOfTheVisitsYear() throws Exception {
        var district = data.units.findByCode("110102").orElseThrow(); // 西城区
        var lastYear = data.approved(district, draft("西城区2025年教学视导", InspectionCategory.TEACHING_INSPECTION, LocalDate.of(2025, 11, 3)));
        var thisYear = data.approved(district, draft("西城区2026年教学视导", InspectionCategory.TEACHING_INSPECTION, LocalDate.of(2026, 3, 9)));
        var reporter = user(data.person(Role.DISTRICT_REPORTER, district));
        mvc.perform(get("/inspection/visits/new").param("visitDate", "2025-11-04").with(reporter)).andExpect(status().isOk())
                .andExpect(content().string(containsString("西城区2025年教学视导")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("西城区2026年教学视导"))))
                .andExpect(content().string(containsString("value=\"2025-11-04\"")));
        mvc.perform(get("/inspection/visits/new").with(reporter)).andExpect(status().isOk())
                .andExpect(content().string(containsString("西城区2026年教学视导")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("西城区2025年教学视导"))));
        // a visit of one year recorded against another year's item is refused with the reason, and the form then offers that year's items
        mvc.perform(post("/inspection/visits").param("schoolId", "" + data.schoolOf(district).id()).param("itemId", "" + thisYear.id())
                .param("visitDate", "2025-11-04").param("inspectors", "区教研员2人").param("teacherHours", "2").with(reporter).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("所选事项属于2026年度计划")))
                .andExpect(content().string(containsString("西城区2025年教学视导")));
        assertThat(visits.record(data.person(Role.DISTRICT_REPORTER, district), new VisitDraft(data.schoolOf(district).id(), lastYear.id(),
                null, LocalDate.of(2025, 11, 4), LocalDate.of(2025, 9, 1), "区教研员2人", BigDecimal.valueOf(2), false, "")).itemId())
                .isEqualTo(lastYear.id());
    }

    // --- the ledger (requirement 1–5, 7)

    @Test
    void theDistrictsLedgerShowsTheRegistersFiguresNextToItsText() throws Exception {
        var haidian = data.fixtures.haidian();
        var round = ledgers.round(jdbcRound());
        var ledger = ledgers.ledgerOf(round.id(), haidian.id());
        var session = Logins.session(mvc, "haidian.reporter", Fixtures.DEMO_PASSWORD);
        var cleanup = cleanups.read(data.as("haidian.reporter"), haidian.id(), round.year());
        mvc.perform(get("/ledgers/{id}", ledger).with(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("登记系统：清理前" + cleanup.baseline() + "项，保留" + cleanup.retained() + "项")))
                .andExpect(content().string(containsString("登记系统：年度计划已批准")))
                .andExpect(content().string(containsString("登记系统：要求截图、照片、视频留痕")));
    }

    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    long jdbcRound() {
        return jdbc.sql("select id from ledger_round order by id limit 1").query(Long.class).single();
    }
}
