package org.jianfu.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.platform.ToDo;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.unit.SchoolStage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issuing: an arranged collection gets a register code and reaches its target schools' pages with deadline and effort;
 * a target school marks it answered once (late after the deadline, audited), another school cannot; nothing unarranged
 * reaches any school. Data in 通州区 and 顺义区, rolled back.
 */
@JianfuIntegrationTest
@Transactional
class CollectionIssuingTests {

    @Autowired MockMvc mvc;
    @Autowired CollectionRegister register;
    @Autowired CollectionTestData data;
    @Autowired IssuedToDo toDo;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    private String page(String path, AccountPrincipal who) throws Exception {
        return mvc.perform(get(path).with(user(who))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** A form of schools in the stages given, open from two days ago until yesterday: an answer today is late. */
    private CollectionForm closedYesterday(String title, Set<SchoolStage> stages, List<Long> schools) {
        var today = LocalDate.now(clock);
        return new CollectionForm("测试科", CollectionKind.FORM, title, "测试目的", "测试依据", stages, schools, Respondent.SCHOOLS,
                data.fields("S.NAME", "S.PUPILS"), "", Frequency.ONCE, today.minusDays(2), today.minusDays(1), 45, 5, true, null, null, 0);
    }

    private int waitingFor(AccountPrincipal school) {
        return toDo.itemsFor(school).stream().filter(i -> i.menu() == ToDo.Menu.COLLECTIONS).mapToInt(ToDo.Item::count).sum();
    }

    @Test
    void anArrangedCollectionGetsACodeAndItsTargetSchoolMarksItAnsweredOnceRecordedAsLateAfterTheDeadline() throws Exception {
        var tongzhou = data.tongzhou();
        var primary = data.school(tongzhou, SchoolStage.PRIMARY);
        var senior = data.school(tongzhou, SchoolStage.SENIOR);
        var nineYear = data.school(tongzhou, SchoolStage.NINE_YEAR);
        var waitingBefore = waitingFor(primary.user());
        var arranged = data.arranged(tongzhou, closedYesterday("通州小学在校生数统计", Set.of(SchoolStage.PRIMARY), List.of()));

        assertThat(arranged.code()).matches("[A-HJKMNP-Z2-9]{8}");
        assertThat(arranged.displayCode()).isEqualTo(arranged.code().substring(0, 4) + "-" + arranged.code().substring(4));
        assertThat(page("/collections/" + arranged.id(), tongzhou.approver())).contains(arranged.displayCode());
        // a primary school and a through-school teaching primary grades get it, with its code, deadline and effort; a senior school does not
        for (var reached : List.of(primary, nineYear)) {
            assertThat(page("/collections/school", reached.user())).contains("通州小学在校生数统计").contains(arranged.displayCode())
                    .contains(arranged.dueOn().toString()).contains("每校 45 分钟，每位教师 5 分钟").contains("已过截止日期");
        }
        assertThat(page("/collections/school", senior.user())).doesNotContain("通州小学在校生数统计");
        assertThat(waitingFor(primary.user())).isEqualTo(waitingBefore + 1);
        assertThat(page("/", primary.user())).contains("数据采集待本校填报").contains("待填报的数据采集");

        mvc.perform(post("/collections/" + arranged.id() + "/answer").with(user(senior.user())).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/collections/" + arranged.id() + "/answer").with(user(primary.user())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("success", "collection.answered-late"));
        mvc.perform(post("/collections/" + arranged.id() + "/answer").with(user(primary.user())).with(csrf()))
                .andExpect(flash().attribute("failure", "collection.error.answered-already"));

        var answers = jdbc.sql("select school_id, late, answered_on, answered_by from collection_answer where collection_id = ?")
                .param(arranged.id()).query((rs, n) -> List.of(rs.getLong("school_id"), rs.getBoolean("late"),
                        rs.getObject("answered_on", LocalDate.class), rs.getString("answered_by"))).list();
        assertThat(answers).containsExactly(List.of(primary.school().id(), true, LocalDate.now(clock), primary.user().getUsername()));
        assertThat(jdbc.sql("select after::text from audit_event where action = 'collection.answered' and object_id = ?")
                .param(Long.toString(arranged.id())).query(String.class).list())
                .singleElement().asString().contains(primary.user().getUsername()).contains("true");
        assertThat(page("/collections/school", primary.user())).contains(LocalDate.now(clock) + " 已填报").contains("逾期");
        assertThat(waitingFor(primary.user())).isEqualTo(waitingBefore);
        // the through-school has still to answer
        assertThat(page("/collections/school", nineYear.user())).contains("标记已填报");
    }

    @Test
    void aCollectionNamingSchoolsReachesOnlyThoseAndNoSchoolOfAnotherDistrictCanAnswerIt() throws Exception {
        var tongzhou = data.tongzhou();
        var named = data.school(tongzhou, SchoolStage.JUNIOR);
        var unnamed = data.school(tongzhou, SchoolStage.JUNIOR);
        var shunyiSchool = data.school(data.shunyi(), SchoolStage.JUNIOR);
        var arranged = data.arranged(tongzhou, closedYesterday("通州指定学校材料", Set.of(), List.of(named.school().id())));

        assertThat(page("/collections/school", named.user())).contains("通州指定学校材料");
        for (var other : List.of(unnamed, shunyiSchool)) {
            assertThat(page("/collections/school", other.user())).doesNotContain("通州指定学校材料");
            mvc.perform(post("/collections/" + arranged.id() + "/answer").with(user(other.user())).with(csrf()))
                    .andExpect(status().isNotFound());
        }
        // nobody but a school user answers
        mvc.perform(post("/collections/" + arranged.id() + "/answer").with(user(tongzhou.reporter())).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from collection_answer where collection_id = ?").param(arranged.id())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aCollectionNotArrangedIsOnNoSchoolsPageAndCannotBeAnswered() throws Exception {
        var tongzhou = data.tongzhou();
        var school = data.school(tongzhou, SchoolStage.PRIMARY);
        var submitted = register.register(tongzhou.departmentUser(), closedYesterday("通州未安排甲", Set.of(), List.of()));
        var prepared = data.prepared(tongzhou, closedYesterday("通州未安排乙", Set.of(), List.of()));
        var refused = data.prepared(tongzhou, closedYesterday("通州未安排丙", Set.of(), List.of()));
        refused = register.decide(tongzhou.approver(), refused.id(), refused.version(), CollectionRegister.Decision.REFUSE, null, "重复");
        var target = data.arranged(tongzhou, closedYesterday("通州已安排丁", Set.of(), List.of()));
        var merged = data.prepared(tongzhou, closedYesterday("通州未安排戊", Set.of(), List.of()));
        merged = register.decide(tongzhou.approver(), merged.id(), merged.version(), CollectionRegister.Decision.MERGE, target.id(), null);

        var unarranged = List.of(submitted, prepared, refused, merged);
        assertThat(unarranged).allMatch(c -> c.code() == null);
        // no school of the city sees them: every enabled school's page is read through the one reach
        var schools = jdbc.sql("select id from unit where type = 'SCHOOL' and enabled").query(Long.class).list();
        var reaching = jdbc.sql("select count(*) from unit s join collection c on c.id = any(:ids) and " + Reach.REACHES
                        + " where s.id = any(:schools)")
                .param("ids", unarranged.stream().map(DataCollection::id).toArray(Long[]::new))
                .param("schools", schools.toArray(Long[]::new)).query(Integer.class).single();
        assertThat(reaching).isZero();
        assertThat(page("/collections/school", school.user())).contains("通州已安排丁").doesNotContain("通州未安排");
        for (var collection : unarranged) {
            mvc.perform(post("/collections/" + collection.id() + "/answer").with(user(school.user())).with(csrf()))
                    .andExpect(status().isNotFound());
        }
    }
}
