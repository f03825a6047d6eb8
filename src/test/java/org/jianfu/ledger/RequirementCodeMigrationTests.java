package org.jianfu.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.jianfu.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Migration V40 gives requirements made before codes existed their codes: the shipped 2021 template by
 * number, a copy by the wording it shares with the shipped template (so a copy that removed requirement 2
 * does not hand code 2021-02 to the old requirement 3), anything else a code of its own.
 */
class RequirementCodeMigrationTests {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Test
    void theShippedTemplateIsCodedByNumberAndACopyByWording() {
        var db = databaseAt("39");
        var jdbc = JdbcClient.create(db);
        var shipped = template(jdbc, 2021, 1);
        var task = keyTask(jdbc, shipped);
        requirement(jdbc, shipped, task, 1, "年度计划和审批报备");
        requirement(jdbc, shipped, task, 2, "其他部门确需开展的要商同级教育部门");
        requirement(jdbc, shipped, task, 3, "内容相关或时间相近的要合并");
        var copy = template(jdbc, 2022, 1);
        var copyTask = keyTask(jdbc, copy);
        requirement(jdbc, copy, copyTask, 1, "年度计划和审批报备");
        requirement(jdbc, copy, copyTask, 2, "内容相关或时间相近的要合并"); // the old requirement 2 was deleted
        requirement(jdbc, copy, copyTask, 3, "各部门督查检查计划每年1月底前公开"); // new wording

        Flyway.configure().dataSource(db).locations("classpath:db/migration").target("40").load().migrate();

        assertThat(codes(jdbc, shipped)).containsExactly("2021-01", "2021-02", "2021-03");
        assertThat(codes(jdbc, copy)).containsExactly("2021-01", "2021-03", "2022-103");
    }

    private static java.util.List<String> codes(JdbcClient jdbc, long templateId) {
        return jdbc.sql("select code from template_requirement where template_id = ? order by number").param(templateId)
                .query(String.class).list();
    }

    private static long template(JdbcClient jdbc, int year, int version) {
        return jdbc.sql("insert into ledger_template (year, title, version, created_at) values (?, ?, ?, now()) returning id")
                .params(year, year + "年台账", version).query(Long.class).single();
    }

    private static long keyTask(JdbcClient jdbc, long templateId) {
        var matter = jdbc.sql("insert into template_matter (template_id, position, name) values (?, 1, '事项') returning id")
                .param(templateId).query(Long.class).single();
        return jdbc.sql("insert into template_key_task (matter_id, position, name) values (?, 1, '重点任务') returning id")
                .param(matter).query(Long.class).single();
    }

    private static void requirement(JdbcClient jdbc, long templateId, long keyTaskId, int number, String text) {
        jdbc.sql("insert into template_requirement (template_id, key_task_id, number, text) values (?, ?, ?, ?)")
                .params(templateId, keyTaskId, number, text).update();
    }

    private static DataSource databaseAt(String version) {
        var name = "v40_check_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        JdbcClient.create(new DriverManagerDataSource(TestDatabase.jdbcUrl())).sql("create database " + name).update();
        var db = new org.springframework.jdbc.datasource.SingleConnectionDataSource(TestDatabase.get().getJdbcUrl("postgres", name), true);
        Flyway.configure().dataSource(db).locations("classpath:db/migration").target(version).load().migrate();
        return db;
    }
}
