package org.jianfu.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jianfu.test.JianfuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The 2021 template in the database is the source document, word for word: checked against the
 * project's own copy of the source text (src/test/resources/seed), read here by a parser of its own.
 */
@JianfuIntegrationTest
class TemplateFidelityTests {

    @Autowired Templates templates;
    @Autowired JdbcClient jdbc;

    record SourceRow(int number, String matter, String keyTask, String text) {
    }

    /** The source is a Word table saved as text: a row starts with its number; merged cells are blank. */
    static List<SourceRow> readSource() throws IOException {
        var text = new ClassPathResource("seed/2021-ledger-template.txt").getContentAsString(StandardCharsets.UTF_8);
        var lines = text.split("\n", -1);
        var rows = new ArrayList<SourceRow>();
        var number = Pattern.compile("^\t(\\d+)$");
        String matter = null, keyTask = null;
        int i = 0;
        while (i < lines.length && !lines[i].strip().equals("落实情况")) {
            i++;
        }
        for (i = i + 1; i < lines.length; i++) {
            var m = number.matcher(lines[i]);
            if (!m.matches()) {
                continue;
            }
            var cells = new ArrayList<String>();
            for (int j = i + 1; j < lines.length && !number.matcher(lines[j]).matches() && cells.size() < 3; j++) {
                if (lines[j].startsWith("\t")) {
                    cells.add(lines[j].substring(1).strip());
                }
            }
            if (!cells.get(0).isEmpty()) {
                matter = cells.get(0);
            }
            if (!cells.get(1).isEmpty()) {
                keyTask = cells.get(1);
            }
            rows.add(new SourceRow(Integer.parseInt(m.group(1)), matter, keyTask, cells.get(2)));
        }
        return rows;
    }

    private LedgerTemplate template2021() {
        var id = jdbc.sql("select id from ledger_template where year = 2021 and version = 1").query(Long.class).single();
        return templates.get(id);
    }

    @Test
    void theSourceHasSixMattersTwentyKeyTasksAndTwentyFourRequirements() throws IOException {
        var source = readSource();
        assertThat(source).extracting(SourceRow::number).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 24).boxed().toList());
        assertThat(source.stream().map(SourceRow::matter).distinct()).hasSize(6);
        assertThat(source.stream().map(r -> r.matter() + "/" + r.keyTask()).distinct()).hasSize(20);
    }

    @Test
    void everyRequirementOfTheStoredTemplateMatchesTheSourceWordForWord() throws IOException {
        var template = template2021();
        assertThat(template.title()).isEqualTo("2021年中小学教师减负工作任务台账");
        assertThat(template.matters()).hasSize(6);
        assertThat(template.matters().stream().mapToInt(m -> m.keyTasks().size()).sum()).isEqualTo(20);
        var stored = template.rows();
        var source = readSource();
        assertThat(stored).hasSize(24);
        for (int i = 0; i < 24; i++) {
            var s = source.get(i);
            var t = stored.get(i);
            assertThat(t.requirement().number()).isEqualTo(s.number());
            assertThat(t.matter().name()).as("matter of %d", s.number()).isEqualTo(s.matter());
            assertThat(t.keyTask().name()).as("key task of %d", s.number()).isEqualTo(s.keyTask());
            assertThat(t.requirement().text()).as("text of %d", s.number()).isEqualTo(s.text());
        }
    }

    @Test
    void theHierarchyIsTheOneTheSourceDescribes() {
        var template = template2021();
        assertThat(template.matters()).extracting(LedgerTemplate.Matter::name).containsExactly(
                "统筹规范督查检查评比考核事项", "统筹规范社会事务进校园", "统筹规范精简相关报表填写工作",
                "统筹规范中小学教师抽调借用、参加培训事宜", "推进学校治理体系和治理能力现代化", "强化组织保障");
        var first = template.matters().get(0);
        assertThat(first.keyTasks()).extracting(k -> k.requirements().stream().map(LedgerTemplate.Requirement::number).toList())
                .containsExactly(List.of(1, 2), List.of(3, 4, 5), List.of(6, 7));
        assertThat(template.rows().get(3).requirement().text()).contains("减少50%以上").contains("7月底前");
    }

    @Test
    void loadingTheShippedTemplatesAgainChangesNothing() {
        var before = jdbc.sql("select count(*) from template_requirement").query(Long.class).single();
        templates.loadShippedTemplates();
        assertThat(jdbc.sql("select count(*) from template_requirement").query(Long.class).single()).isEqualTo(before);
    }
}
