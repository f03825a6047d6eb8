package org.jianfu.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jianfu.account.AccountPrincipal;
import org.jianfu.collection.FieldDictionary;
import org.jianfu.collection.DictionaryField;
import org.jianfu.ledger.LedgerAction;
import org.jianfu.ledger.LedgerEntry;
import org.jianfu.ledger.LedgerFigures;
import org.jianfu.ledger.LedgerTemplate;
import org.jianfu.ledger.Ledgers;
import org.jianfu.ledger.RegisterFigures;
import org.jianfu.teacher.Roster;
import org.jianfu.teacher.Teacher;
import org.jianfu.test.Fixtures;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.test.LedgerSteps;
import org.jianfu.test.MutableClock;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The API beyond the unit hierarchy: rounds and ledgers as the ledger's page shows them, the field dictionary, and the roster
 * synchronisation that only a token granted the roster write may call, which replaces a school's roster or, for one bad
 * line, changes nothing. Each test works in districts of its own (API测试区…).
 */
@JianfuIntegrationTest
class ApiReadAndWriteTests {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 100_000);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired MutableClock clock;
    @Autowired Units units;
    @Autowired LedgerSteps steps;
    @Autowired Ledgers ledgers;
    @Autowired LedgerFigures ledgerFigures;
    @Autowired FieldDictionary dictionary;
    @Autowired Roster roster;
    @Autowired MessageSource messages;

    private record District(Unit district, Unit school, Unit otherSchool) {
    }

    private ApiTestDistricts districts;

    @AfterEach
    void disableTheDistrictsMadeHere() {
        if (districts != null) {
            districts.disableAll();
        }
    }

    private District district() {
        var n = SEQUENCE.incrementAndGet();
        districts = districts == null ? new ApiTestDistricts(units) : districts;
        var district = districts.district(fixtures.city().id(), "API测试区" + n);
        var school = units.create(new Units.NewUnit(district.id(), UnitType.SCHOOL, "API测试区" + n + "第一小学", null, org.jianfu.unit.SchoolStage.PRIMARY));
        var other = units.create(new Units.NewUnit(district.id(), UnitType.SCHOOL, "API测试区" + n + "第二小学", null, org.jianfu.unit.SchoolStage.PRIMARY));
        return new District(district, school, other);
    }

    /** A token for the unit, issued on the security admin's page, granted the roster write or not. */
    private String token(Unit unit, String name, boolean rosterWrite) throws Exception {
        var request = post("/security/api-tokens").with(user(users.loadUserByUsername("security.admin"))).with(csrf())
                .param("name", name + SEQUENCE.incrementAndGet()).param("unitId", Long.toString(unit.id()))
                .param("validUntil", LocalDate.now(clock).plusMonths(1).toString());
        if (rosterWrite) {
            request.param("rosterWrite", "true");
        }
        var token = (String) mvc.perform(request).andReturn().getFlashMap().get("issuedToken");
        assertThat(token).startsWith("jf_");
        return token;
    }

    private MockHttpServletResponse call(String token, String path, Object... variables) throws Exception {
        return mvc.perform(get(path, variables).header("Authorization", "Bearer " + token)).andReturn().getResponse();
    }

    private MockHttpServletResponse putRoster(String token, Unit school, Object teachers) throws Exception {
        return mvc.perform(put("/api/v1/units/{id}/teachers", school.id()).header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(teachers))).andReturn().getResponse();
    }

    private static JsonNode json(MockHttpServletResponse response) throws Exception {
        return JSON.readTree(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
    }

    private AccountPrincipal account(String username) {
        return (AccountPrincipal) users.loadUserByUsername(username);
    }

    @Test
    void aLedgersAnswersAndFrozenFiguresReadAsTheLedgerPageShowsThem() throws Exception {
        var d = district();
        var waiting = steps.waitingForSignOff(d.district(), 2026, LocalDate.now(clock).plusDays(20), LedgerSteps.partly(d.district().name()));
        var ledger = ledgers.readable(waiting.approver(), waiting.ledgerId());
        steps.take(waiting.approver(), ledger.id(), ledger.version(), LedgerAction.SIGN_OFF, null);
        var token = token(d.district(), "数据平台-台账", false);

        var rounds = json(call(token, "/api/v1/rounds"));
        var round = new ArrayList<JsonNode>();
        rounds.forEach(r -> {
            if (r.get("id").asLong() == waiting.roundId()) {
                round.add(r);
            }
        });
        assertThat(round).hasSize(1);
        assertThat(round.get(0).get("ledgers")).hasSize(1);
        assertThat(round.get(0).get("ledgers").get(0).get("unitId").asLong()).isEqualTo(d.district().id());
        assertThat(round.get(0).get("ledgers").get(0).get("state").asText()).isEqualTo("SUBMITTED");
        assertThat(rounds.toString()).as("rounds of other districts only").doesNotContain("\"unitId\":" + fixtures.haidian().id() + ",");

        var response = call(token, "/api/v1/rounds/{r}/units/{u}/ledger", waiting.roundId(), d.district().id());
        assertThat(response.getStatus()).isEqualTo(200);
        var api = json(response);
        assertThat(api.get("state").asText()).isEqualTo("SUBMITTED");
        assertThat(api.get("stateText").asText()).isEqualTo(messages.getMessage("ledger.state.SUBMITTED", null, Locale.SIMPLIFIED_CHINESE));

        // the ledger's page, as its approver reads it
        var page = mvc.perform(get("/ledgers/{id}", ledger.id()).with(user(waiting.approver()))).andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        var model = page.getModelAndView().getModel();
        @SuppressWarnings("unchecked") var rows = (List<LedgerTemplate.Row>) model.get("rows");
        @SuppressWarnings("unchecked") var entries = (Map<Long, LedgerEntry>) model.get("entries");
        var answers = api.get("answers");
        assertThat(answers).hasSize(rows.size()).hasSize(24);
        var html = page.getResponse().getContentAsString();
        for (int i = 0; i < rows.size(); i++) {
            var requirement = rows.get(i).requirement();
            var entry = entries.get(requirement.id());
            var answer = answers.get(i);
            assertThat(answer.get("requirementCode").asText()).isEqualTo(requirement.code());
            assertThat(answer.get("requirementNumber").asInt()).isEqualTo(requirement.number());
            assertThat(answer.get("status").asText()).isEqualTo(entry.status().name());
            assertThat(answer.get("text").asText()).isEqualTo(entry.text()).contains(d.district().name());
            assertThat(html).contains(entry.text());
        }

        // the figures: those frozen at sign-off, the same the page shows beside the answers
        var frozen = ledgerFigures.frozen(waiting.approver(), ledger.id()).orElseThrow();
        assertThat(java.time.Instant.parse(api.get("figuresFrozenAt").asText())).isEqualTo(frozen.at());
        @SuppressWarnings("unchecked") var shown = (Map<Long, List<RegisterFigures.Figure>>) model.get("figures");
        var onPage = shown.values().stream().flatMap(List::stream).map(f -> f.key() + " " + text(f)).toList();
        var fromApi = new ArrayList<String>();
        api.get("figures").forEach(f -> fromApi.add(f.get("key").asText() + " " + f.get("text").asText()));
        assertThat(fromApi).isNotEmpty()
                .containsExactlyElementsOf(frozen.figures().stream().map(f -> f.key() + " " + text(f)).toList());
        assertThat(onPage).containsAll(fromApi);
        for (var f : api.get("figures")) {
            assertThat(html).contains(org.springframework.web.util.HtmlUtils.htmlEscape(f.get("text").asText()));
        }
    }

    private String text(RegisterFigures.Figure figure) {
        return messages.getMessage(figure.messageKey(), figure.arguments(), figure.messageKey(), Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void callsOutsideTheTokensUnitSubtreeAreRefusedWithAJsonErrorAndAudited() throws Exception {
        var mine = district();
        var other = district();
        var waiting = steps.waitingForSignOff(other.district(), 2026, LocalDate.now(clock).plusDays(20),
                LedgerSteps.partly(other.district().name()));
        var reader = token(mine.district(), "数据平台-越界", false);
        var writer = token(mine.district(), "名册系统-越界", true);

        var ledger = call(reader, "/api/v1/rounds/{r}/units/{u}/ledger", waiting.roundId(), other.district().id());
        assertThat(ledger.getStatus()).isEqualTo(404);
        assertThat(ledger.getContentType()).startsWith("application/json");
        assertThat(json(ledger).get("error").asText()).contains("不在");
        assertThat(call(reader, "/api/v1/rounds/{r}/units/{u}/ledger", waiting.roundId(), mine.district().id()).getStatus())
                .as("no ledger of its own in that round").isEqualTo(404);
        assertThat(json(call(reader, "/api/v1/rounds")).toString()).doesNotContain("\"id\":" + waiting.roundId() + ",");
        assertThat(call(reader, "/api/v1/units/{id}", other.school().id()).getStatus()).isEqualTo(404);

        var before = roster.teachersOf(other.school().id()).size();
        var outside = putRoster(writer, other.school(), List.of(line("越界教师", identity(1))));
        assertThat(outside.getStatus()).isEqualTo(404);
        assertThat(roster.teachersOf(other.school().id())).hasSize(before);
        assertThat(jdbc.sql("""
                select actor_username || ' ' || (after->>'method') || ' ' || (after->>'status') from audit_event
                where action = 'api.called' order by seq desc limit 1""").query(String.class).single()).endsWith(" PUT 404")
                .startsWith("api:名册系统-越界");
    }

    @Test
    void aRosterWriteWithAReadOnlyTokenIsRefusedAndChangesNothing() throws Exception {
        var d = district();
        var reader = token(d.district(), "数据平台-只读", false);
        var refused = putRoster(reader, d.school(), List.of(line("只读教师", identity(2))));
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(json(refused).get("error").asText()).contains("只读");
        assertThat(roster.teachersOf(d.school().id())).isEmpty();
        assertThat(jdbc.sql("select after->>'status' from audit_event where action = 'api.called' order by seq desc limit 1")
                .query(String.class).single()).isEqualTo("403");
    }

    @Test
    void aRosterWriteReplacesTheSchoolsRosterKeepsIdentityNumbersHashedAndIsAuditedWithTheCounts() throws Exception {
        var d = district();
        var writer = token(d.district(), "名册系统", true);
        var first = List.of(line("张老师", identity(3)), line("李老师", null), line("王老师", identity(4)));
        var answer = putRoster(writer, d.school(), first);
        assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(200);
        assertThat(json(answer).get("before").asInt()).isZero();
        assertThat(json(answer).get("after").asInt()).isEqualTo(3);
        assertThat(json(answer).get("added").asInt()).isEqualTo(3);
        var teachers = roster.teachersOf(d.school().id());
        assertThat(teachers).extracting(Teacher::name).containsExactlyInAnyOrder("张老师", "李老师", "王老师");
        assertThat(teachers).filteredOn(t -> t.name().equals("张老师")).extracting(Teacher::identityTail)
                .containsExactly(identity(3).substring(14));
        assertThat(jdbc.sql("select count(*) from teacher where id_hash = ? or id_tail = ?").params(identity(3), identity(3))
                .query(Long.class).single()).as("no identity number in clear").isZero();

        // the next synchronisation lists two: 王老师 is marked as left, 李老师's subject changes
        var second = List.of(first.get(0), Map.of("teacherNumber", first.get(1).get("teacherNumber"), "name", "李老师", "subject", "数学"));
        var again = json(putRoster(writer, d.school(), second));
        assertThat(again.get("before").asInt()).isEqualTo(3);
        assertThat(again.get("after").asInt()).isEqualTo(2);
        assertThat(again.get("left").asInt()).isOne();
        assertThat(again.get("updated").asInt()).isOne();
        assertThat(roster.teachersOf(d.school().id())).extracting(Teacher::name).containsExactlyInAnyOrder("张老师", "李老师");
        assertThat(roster.teachersOf(d.otherSchool().id())).isEmpty();

        var audit = jdbc.sql("""
                select actor_username, before::text, after::text from audit_event where action = 'api.roster-synchronised'
                and object_id = ? order by seq""").param(Long.toString(d.school().id())).query((rs, n) -> List.of(rs.getString(1),
                rs.getString(2), rs.getString(3))).list();
        assertThat(audit).hasSize(2);
        assertThat(audit.get(1).get(0)).startsWith("api:名册系统");
        assertThat(audit.get(1).get(1)).contains("\"teachers\":3");
        assertThat(audit.get(1).get(2)).contains("\"teachers\":2").contains("\"left\":1");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'roster.teacher-added' and actor_username like 'api:名册系统%'")
                .query(Long.class).single()).as("each teacher's change audited as the token's").isGreaterThanOrEqualTo(3);
    }

    @Test
    void aBadRosterLineRefusesTheWholeListWithAChineseMessagePerLineAndLeavesTheRosterUnchanged() throws Exception {
        var d = district();
        var writer = token(d.district(), "名册系统-坏行", true);
        var good = line("赵老师", identity(5));
        assertThat(putRoster(writer, d.school(), List.of(good)).getStatus()).isEqualTo(200);
        var before = roster.teachersOf(d.school().id());
        var importsBefore = jdbc.sql("select count(*) from roster_import where district_id = ?").param(d.district().id())
                .query(Long.class).single();

        var noName = Map.of("teacherNumber", "API-" + SEQUENCE.incrementAndGet());
        var badIdentity = line("钱老师", "11010119900307123X1");
        var refused = putRoster(writer, d.school(), List.of(line("孙老师", identity(6)), noName, badIdentity, good));
        assertThat(refused.getStatus()).isEqualTo(400);
        var body = json(refused);
        assertThat(body.get("error").asText()).contains("2 行有问题").contains("名册未改变");
        assertThat(body.get("problems")).hasSize(2);
        assertThat(body.get("problems").get(0).get("line").asInt()).isEqualTo(2);
        assertThat(body.get("problems").get(0).get("error").asText()).isEqualTo("第 2 行：缺少姓名");
        assertThat(body.get("problems").get(1).get("error").asText()).startsWith("第 3 行：身份证号");
        assertThat(roster.teachersOf(d.school().id())).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from roster_import where district_id = ?").param(d.district().id()).query(Long.class).single())
                .isEqualTo(importsBefore);

        var english = mvc.perform(put("/api/v1/units/{id}/teachers", d.school().id()).header("Authorization", "Bearer " + writer)
                .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON).content("{\"not\": \"a list\"}")).andReturn()
                .getResponse();
        assertThat(english.getStatus()).isEqualTo(400);
        assertThat(json(english).get("error").asText()).startsWith("Malformed request");
        assertThat(roster.teachersOf(d.school().id())).isEqualTo(before);
    }

    @Test
    void theFieldDictionaryIsReadAsTheCityKeepsIt() throws Exception {
        var token = token(district().district(), "数据平台-字典", false);
        var fields = json(call(token, "/api/v1/field-dictionary"));
        var codes = new ArrayList<String>();
        fields.forEach(f -> codes.add(f.get("code").asText()));
        assertThat(codes).isNotEmpty().containsExactlyElementsOf(dictionary.inUse().stream().map(DictionaryField::code).toList());
        assertThat(fields.get(0).get("sourceText").asText()).isNotBlank();
        assertThat(json(call(token, "/api/v1/field-dictionary?retired=true")).size()).isGreaterThanOrEqualTo(codes.size());
    }

    private static Map<String, String> line(String name, String identity) {
        var line = new java.util.LinkedHashMap<String, String>();
        line.put("teacherNumber", "API-" + SEQUENCE.incrementAndGet());
        line.put("name", name);
        if (identity != null) {
            line.put("identityNumber", identity);
        }
        return line;
    }

    /** A valid identity number (its check character computed as GB 11643 says), distinct per test and per n. */
    private static String identity(int n) {
        var body = "110108" + "1985" + "0" + (1 + n % 9) + String.format("%02d", 10 + (int) (SEED % 18)) + String.format("%03d", (SEED / 18 + n) % 1000);
        int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    private static final long SEED = System.nanoTime() % 100_000;
}
