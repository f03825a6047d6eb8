package org.jianfu.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jianfu.test.JianfuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit admin checks the whole chain in the background: the pages answer without walking it, show the last check's
 * outcome (when, by whom, rows checked, the first broken row), and an altered old row is still found. Each check is audited.
 */
@JianfuIntegrationTest
class AuditVerificationJobTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService userDetails;
    @Autowired AuditVerifications verifications;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;

    private RequestPostProcessor auditor() {
        return user(userDetails.loadUserByUsername("auditor"));
    }

    private String auditPage() throws Exception {
        return mvc.perform(get("/audit").with(auditor())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private void startACheck() throws Exception {
        verifications.awaitIdle();
        mvc.perform(post("/audit/verify").with(auditor()).with(csrf())).andExpect(status().is3xxRedirection());
        verifications.awaitIdle();
    }

    @Test
    void anAlteredOldRowIsReportedByTheCheckTheAuditorStartsAndTheCheckIsAudited() throws Exception {
        long seq = 2; // one of the first rows written
        var original = jdbc.sql("select action from audit_event where seq = ?").param(seq).query(String.class).single();
        Tampering.run(tx, jdbc, "update audit_event set action = action || '.x' where seq = " + seq);
        try {
            startACheck();
            var page = auditPage();
            assertThat(page).contains("审计日志已被破坏：第 " + seq + " 条记录写入后被修改").contains("由auditor发起");
        }
        finally {
            Tampering.run(tx, jdbc, "update audit_event set action = '" + original.replace("'", "''") + "' where seq = " + seq);
        }
        startACheck();
        var rows = jdbc.sql("select count(*) from audit_event").query(Long.class).single();
        assertThat(auditPage()).contains("审计日志完整").contains("由auditor发起");
        var last = verifications.last().orElseThrow();
        assertThat(last.verification().intact()).isTrue();
        // every row, its own audit row (appended before the walk) included
        assertThat(last.verification().rowsChecked()).isEqualTo(rows);
        var audited = jdbc.sql("""
                select actor_username || ' ' || action from audit_event where object_type = 'audit-verification' and object_id = ?
                order by seq""").param(Long.toString(last.id())).query(String.class).list();
        assertThat(audited).containsExactly("auditor audit.verification-started");
    }

    /** Audit rows read (scanned or fetched by index) so far in this transaction. */
    private long auditRowsRead() {
        return jdbc.sql("""
                select coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0) from pg_stat_xact_user_tables where relname = 'audit_event'""")
                .query(Long.class).single();
    }

    @Test
    @Transactional
    void thePagesAnswerWithoutWalkingTheChain() throws Exception {
        var rows = jdbc.sql("select count(*) from audit_event").query(Long.class).single();
        assertThat(rows).as("a chain longer than a page of the list").isGreaterThan(200);
        var before = auditRowsRead();
        mvc.perform(get("/audit/verify").header("HX-Request", "true").with(auditor())).andExpect(status().isOk());
        assertThat(auditRowsRead() - before).as("audit rows read by the check's block").isZero();
        before = auditRowsRead();
        auditPage();
        assertThat(auditRowsRead() - before).as("audit rows read by the audit page: one page of the list").isLessThanOrEqualTo(AuditController.PAGE_SIZE + 1);
    }
}
