package org.jianfu.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jianfu.inspection.InspectionTestData.draft;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.ledger.RegisterFigures.Figure;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.unit.Unit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every inspection figure on a district's ledger links to the rows it counted, for every reader of the ledger, in
 * their scope. Data in 东城区 for 2024, a year no other test uses there; 西城区 is the other district.
 */
@JianfuIntegrationTest
@Import(InspectionTestData.class)
class InspectionFigureLinksTests {

    private static final int YEAR = 2024;
    private static final Pattern VISIT_ROW = Pattern.compile("id=\"visit-(\\d+)\"");

    @Autowired MockMvc mvc;
    @Autowired InspectionTestData data;
    @Autowired InspectionItems items;
    @Autowired Visits visits;
    @Autowired InspectionChecks checks;
    @Autowired InspectionRegisterFigures figures;

    private Unit dongcheng;

    @BeforeEach
    void registerWithAFindingOfEveryKindTheFiguresCount() {
        dongcheng = data.dongcheng();
        if (!items.ofPlan(data.as("city.admin"), dongcheng.id(), YEAR).isEmpty()) {
            return;
        }
        // A department's item never put to the education department: not consulted.
        var department = data.person(Role.DEPARTMENT_USER, data.departmentOf(dongcheng));
        var unconsulted = items.draft(department, draft("东城区卫生健康检查2024", InspectionCategory.OTHER, LocalDate.of(YEAR, 6, 3)));
        items.submit(department, unconsulted.id(), unconsulted.version());
        // Two teaching inspections of every school a week apart (the second compiled, its approval blocked): a merge
        // suggestion and a frequency finding.
        data.approved(dongcheng, draft("东城区教学视导2024春", InspectionCategory.TEACHING_INSPECTION, LocalDate.of(YEAR, 4, 8)));
        var reporter = data.person(Role.DISTRICT_REPORTER, dongcheng);
        var second = items.draft(reporter, draft("东城区教学视导2024补", InspectionCategory.TEACHING_INSPECTION, LocalDate.of(YEAR, 4, 15)));
        second = items.submit(reporter, second.id(), second.version());
        items.compile(reporter, second.id(), second.version());
        // Two visits outside the plan, one of which demanded photos as proof.
        var school = data.schoolOf(dongcheng);
        visits.record(reporter, new VisitDraft(school.id(), null, InspectionCategory.OTHER, LocalDate.of(YEAR, 5, 20), LocalDate.of(YEAR, 5, 1),
                "街道3人", BigDecimal.ONE, true, "要求拍照留痕"));
        visits.record(reporter, new VisitDraft(school.id(), null, InspectionCategory.ROUTINE_CHECK, LocalDate.of(YEAR, 9, 10), null,
                "区教研员1人", BigDecimal.ONE, false, ""));
    }

    /** The district's own reporter and approver, the city admin, the supervisor: every reader of the district's ledger. */
    private List<AccountPrincipal> readers() {
        return List.of(data.person(Role.DISTRICT_REPORTER, dongcheng), data.person(Role.DISTRICT_APPROVER, dongcheng), data.as("city.admin"),
                data.as("supervisor"));
    }

    private Figure figure(String key) {
        return figures.figuresFor(dongcheng.id(), YEAR).stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
    }

    private String page(String link, AccountPrincipal reader) throws Exception {
        return mvc.perform(get(link).with(user(reader))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The findings the page lists: the items of its list of findings. */
    private static List<String> listedFindings(String html) {
        var start = html.indexOf("<ul class=\"findings\">");
        if (start < 0) {
            return List.of();
        }
        var list = html.substring(start, html.indexOf("</ul>", start));
        var found = new ArrayList<String>();
        for (var part : list.split("<li")) {
            if (part.startsWith(">") || part.startsWith(" ")) {
                found.add(part);
            }
        }
        return found;
    }

    private static Set<Long> listedVisits(String html) {
        var ids = new LinkedHashSet<Long>();
        var m = VISIT_ROW.matcher(html);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    private Set<Long> visitsFlagged(RuleKind... kinds) {
        var ids = new LinkedHashSet<Long>();
        checks.check(dongcheng.id(), YEAR).stream().filter(f -> List.of(kinds).contains(f.rule().kind())).forEach(f -> ids.addAll(f.visitIds()));
        return ids;
    }

    @Test
    void theFindingFiguresLinkEveryReaderToExactlyTheFindingsTheyCount() throws Exception {
        var consultation = figure("inspection.consultation");
        var merge = figure("inspection.merge");
        var open = figure("inspection.open-findings");
        assertThat((long) consultation.arguments()[1]).isPositive();
        assertThat((long) merge.arguments()[0]).isPositive();
        assertThat((long) open.arguments()[0]).isPositive();
        for (var reader : readers()) {
            var unconsulted = listedFindings(page(consultation.link(), reader));
            assertThat(unconsulted).as("unconsulted items for " + reader.role()).hasSize((int) (long) consultation.arguments()[1])
                    .allMatch(li -> li.contains("尚未取得同级教育部门同意"));
            assertThat(String.join("", unconsulted)).contains("东城区卫生健康检查2024").doesNotContain("东城区教学视导2024春");
            var merges = listedFindings(page(merge.link(), reader));
            assertThat(merges).as("merges and escalations for " + reader.role())
                    .hasSize((int) ((long) merge.arguments()[0] + (long) merge.arguments()[1]));
            assertThat(merges).allMatch(li -> li.contains("建议合并") || li.contains("落实市级事项"));
            assertThat(String.join("", merges)).contains("东城区教学视导2024春").contains("东城区教学视导2024补");
            assertThat(listedFindings(page(open.link(), reader))).as("open findings for " + reader.role())
                    .hasSize((int) (long) open.arguments()[0]);
        }
    }

    @Test
    void theVisitFiguresLinkEveryReaderToExactlyTheVisitsTheyCount() throws Exception {
        var unplanned = figure("inspection.unplanned-visits");
        var proof = figure("inspection.proof");
        var expectedUnplanned = visitsFlagged(RuleKind.UNPLANNED_VISIT, RuleKind.OVER_PLANNED_VISIT);
        var expectedProof = visitsFlagged(RuleKind.PROOF_DEMANDED);
        assertThat(expectedUnplanned).hasSize(2);
        assertThat(expectedProof).hasSize(1);
        assertThat(unplanned.arguments()[0]).isEqualTo((long) expectedUnplanned.size());
        assertThat(proof.arguments()[0]).isEqualTo((long) expectedProof.size());
        for (var reader : readers()) {
            var unplannedPage = page(unplanned.link(), reader);
            assertThat(listedVisits(unplannedPage)).as("unplanned visits for " + reader.role()).isEqualTo(expectedUnplanned);
            assertThat(unplannedPage).contains("显示全部");
            assertThat(listedVisits(page(proof.link(), reader))).as("proof visits for " + reader.role()).isEqualTo(expectedProof);
        }
    }

    @Test
    void everyInspectionFigureLinkOpensForEveryReader() throws Exception {
        for (var figure : figures.figuresFor(dongcheng.id(), YEAR)) {
            assertThat(figure.link()).as(figure.key()).isNotNull();
            for (var reader : readers()) {
                mvc.perform(get(figure.link()).with(user(reader))).andExpect(status().isOk());
            }
        }
    }

    @Test
    void anotherDistrictFollowingTheLinksOfDongchengsFiguresFindsNothing() throws Exception {
        var xicheng = data.units.findByCode("110102").orElseThrow();
        for (var role : List.of(Role.DISTRICT_REPORTER, Role.DISTRICT_APPROVER)) {
            var outsider = data.person(role, xicheng);
            for (var figure : figures.figuresFor(dongcheng.id(), YEAR)) {
                mvc.perform(get(figure.link()).with(user(outsider))).andExpect(status().isNotFound());
            }
        }
        // The city reading 西城区's visits narrowed to the same kinds sees none of 东城区's.
        var xichengVisits = page("/inspection/visits?unit=" + xicheng.id() + "&year=" + YEAR + "&flag=PROOF_DEMANDED", data.as("city.admin"));
        assertThat(listedVisits(xichengVisits)).doesNotContainAnyElementsOf(visitsFlagged(RuleKind.PROOF_DEMANDED));
    }
}
