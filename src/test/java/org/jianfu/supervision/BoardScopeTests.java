package org.jianfu.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.test.JianfuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who sees the board: the city (its admin and its supervision office) every district and indicator; a district's staff
 * their own district's page only; schools and departments nothing, not even the link. Every number links to its rows.
 */
@JianfuIntegrationTest
@Import(BoardTestData.class)
@Transactional
class BoardScopeTests {

    @Autowired BoardTestData data;
    @Autowired IndicatorValues values;
    @Autowired MockMvc mvc;

    private String page(AccountPrincipal who, String path) throws Exception {
        return mvc.perform(get(path).with(user(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theCityAndItsSupervisionOfficeSeeEveryDistrictEachNumberLinkingToTheRowsItCounts() throws Exception {
        var year = values.currentYear();
        var own = data.district(2);
        data.applications(own, year, "AID_COOPERATION", "APPROVED", 3, false);
        values.recompute(year);
        for (var who : new AccountPrincipal[] { data.city(), data.person(Role.SUPERVISOR, data.fixtures.city()) }) {
            var board = page(who, "/supervision?sort=WL-APPROVED");
            assertThat(board).contains(own.name()).contains("海淀区").contains("data-chart")
                    .contains("/whitelist/applications?unit=" + own.id() + "&amp;year=" + year);
            assertThat(page(who, "/supervision/indicators/WL-APPROVED")).contains(own.name()).contains("id=\"bars\"");
            assertThat(page(who, "/supervision/districts/" + own.id())).contains(own.name());
            assertThat(page(who, "/supervision/indicators")).contains("WL-APPROVED-PER-SCHOOL");
            assertThat(page(who, "/")).contains("href=\"/supervision\"");
        }
    }

    @Test
    void aDistrictsStaffSeeTheirOwnDistrictsPageOnlyAndNotTheCitysBoard() throws Exception {
        var own = data.district(1);
        var other = data.district(1);
        values.recompute(values.currentYear());
        for (var role : new Role[] { Role.DISTRICT_REPORTER, Role.DISTRICT_APPROVER, Role.SUPERVISOR }) {
            var who = data.person(role, own);
            mvc.perform(get("/supervision").with(user(who))).andExpect(redirectedUrl("/supervision/districts/" + own.id()));
            assertThat(page(who, "/supervision/districts/" + own.id())).contains(own.name()).doesNotContain(other.name());
            mvc.perform(get("/supervision/districts/" + other.id()).with(user(who))).andExpect(status().isNotFound());
            mvc.perform(get("/supervision/indicators/WL-APPROVED").with(user(who))).andExpect(status().isForbidden());
            mvc.perform(get("/supervision/indicators").with(user(who))).andExpect(status().isForbidden());
            mvc.perform(get("/supervision/board.xlsx").with(user(who))).andExpect(status().isForbidden());
            mvc.perform(post("/supervision/recompute").with(csrf()).with(user(who))).andExpect(status().isForbidden());
            mvc.perform(post("/supervision/indicators/WL-APPROVED/threshold").param("threshold", "9").param("version", "0")
                    .with(csrf()).with(user(who))).andExpect(status().isForbidden());
        }
    }

    @Test
    void schoolsAndDepartmentsSeeNoBoardAndNoLinkToIt() throws Exception {
        var own = data.district(1);
        var department = data.units.create(new org.jianfu.unit.Units.NewUnit(own.id(), org.jianfu.unit.UnitType.DEPARTMENT,
                "督导测试甲部门" + System.nanoTime() % 100_000, null, null));
        for (var who : new AccountPrincipal[] { data.person(Role.SCHOOL_USER, data.school(own)), data.person(Role.DEPARTMENT_USER, department) }) {
            for (var path : new String[] { "/supervision", "/supervision/districts/" + own.id(), "/supervision/indicators/WL-APPROVED",
                    "/supervision/board.xlsx" }) {
                mvc.perform(get(path).with(user(who))).andExpect(status().isForbidden());
            }
            assertThat(page(who, "/")).doesNotContain("href=\"/supervision\"");
        }
    }

    @Test
    void theExportHasASummarySheetAndOneSheetPerIndicatorWithTheDistrictsRanked() throws Exception {
        var year = values.currentYear();
        var first = data.district(4);
        var second = data.district(2);
        data.applications(first, year, "AID_COOPERATION", "APPROVED", 5, false);
        data.applications(second, year, "AID_COOPERATION", "APPROVED", 1, false);
        values.recompute(year);
        var bytes = mvc.perform(get("/supervision/board.xlsx").with(user(data.city()))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            var indicators = data.jdbc.sql("select count(*) from supervision_indicator").query(Integer.class).single();
            assertThat(workbook.getNumberOfSheets()).isEqualTo(indicators + 1);
            assertThat(workbook.getSheetName(0)).isEqualTo("汇总");
            var sheet = workbook.getSheet(workbook.getSheetName(0).equals("汇总") ? findSheet(workbook, "WL-APPROVED-PER-SCHOOL") : "");
            var rankOfSecond = -1;
            var rankOfFirst = -1;
            for (var row : sheet) {
                if (row.getRowNum() < 3) {
                    continue;
                }
                var name = row.getCell(1).getStringCellValue();
                if (name.equals(first.name())) {
                    rankOfFirst = row.getRowNum();
                    assertThat(row.getCell(2).getStringCellValue()).isEqualTo("1.25");
                }
                if (name.equals(second.name())) {
                    rankOfSecond = row.getRowNum();
                    assertThat(row.getCell(2).getStringCellValue()).isEqualTo("0.5");
                }
            }
            assertThat(rankOfSecond).isPositive().isLessThan(rankOfFirst);
        }
    }

    private static String findSheet(XSSFWorkbook workbook, String code) {
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            if (workbook.getSheetName(i).startsWith(code + " ")) {
                return workbook.getSheetName(i);
            }
        }
        throw new AssertionError("no sheet for " + code);
    }
}
