package org.jianfu.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.stream.Collectors;

import org.jianfu.test.JianfuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/** The check's rules cite their requirement by its stable code, never its number. */
@JianfuIntegrationTest
@Import(InspectionTestData.class)
class RuleRequirementCodeTests {

    @Autowired MockMvc mvc;
    @Autowired InspectionTestData data;
    @Autowired RuleSets ruleSets;

    /** A rule set for a year no check reads, so that its rules change no other test's findings. */
    private long ruleSetOf(String name) {
        return ruleSets.create(data.as("city.admin"), name, "要求编号测试文件", 2099, 2099);
    }

    @Test
    void theShippedRulesCiteTheCodesOfTheRequirementsTheyHadByNumber() {
        Map<RuleKind, String> codes = ruleSets.rules().stream().filter(r -> r.ruleSetName().equals("2021年中小学教师减负工作任务台账"))
                .collect(Collectors.toMap(Rule::kind, Rule::requirementCode, (a, b) -> a));
        assertThat(codes).containsEntry(RuleKind.CONSULTATION, "2021-02").containsEntry(RuleKind.MERGE, "2021-03")
                .containsEntry(RuleKind.ESCALATION, "2021-03").containsEntry(RuleKind.UNPLANNED_VISIT, "2021-04")
                .containsEntry(RuleKind.FREQUENCY, "2021-05").containsEntry(RuleKind.PROOF_DEMANDED, "2021-07");
    }

    @Test
    void aCityAdminAddsARuleCitingARequirementByCodeChosenFromTheShippedLedger() throws Exception {
        var admin = user(data.as("city.admin"));
        var set = ruleSetOf("要求编号测试（添加）");
        var form = mvc.perform(get("/inspection/rules").with(admin)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("<select name=\"requirementCode\">").contains("value=\"2021-13\"").contains("2021-07（第7条）");

        mvc.perform(post("/inspection/rules/sets/{id}/rules", set).param("kind", "PROOF_DEMANDED").param("requirementCode", "2021-07")
                .param("description", "不得要求截图留痕（编号测试）").with(admin).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("success", "inspection.rule-added"));

        var added = ruleSets.rules().stream().filter(r -> r.ruleSetId() == set).toList();
        assertThat(added).singleElement().satisfies(r -> assertThat(r.requirementCode()).isEqualTo("2021-07"));
        var page = mvc.perform(get("/inspection/rules").with(admin)).andReturn().getResponse().getContentAsString();
        var row = page.substring(page.indexOf("不得要求截图留痕（编号测试）") - 200, page.indexOf("不得要求截图留痕（编号测试）"));
        assertThat(row).contains(">2021-07<");
    }

    @Test
    void aRuleCitingARequirementByNumberOrABadCodeIsRefusedInChinese() throws Exception {
        var admin = user(data.as("city.admin"));
        var set = ruleSetOf("要求编号测试（拒绝）");
        for (var bad : new String[] { "5", "第5条", "2021-5", "21-05", "2021-05; drop table x" }) {
            mvc.perform(post("/inspection/rules/sets/{id}/rules", set).param("kind", "PROOF_DEMANDED").param("requirementCode", bad)
                    .param("description", "编号不对的规则").with(admin).with(csrf()))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(flash().attribute("problem", containsString("格式不对：应为年份加序号，如 2021-05")));
        }
        mvc.perform(post("/inspection/rules/sets/{id}/rules", set).param("kind", "PROOF_DEMANDED").param("description", "没有编号的规则")
                .with(admin).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("problem", containsString("格式不对")));
        assertThat(ruleSets.rules()).noneMatch(r -> r.ruleSetId() == set);
    }
}
