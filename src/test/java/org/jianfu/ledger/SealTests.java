package org.jianfu.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.test.Fixtures;
import org.jianfu.test.HostileUploads;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.account.Role;
import org.jianfu.unit.Seals;
import org.jianfu.unit.Units;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The district's seal: uploaded by an admin, applied at sign-off, shown on the ledger, kept as it was. */
@JianfuIntegrationTest
class SealTests {

    static final byte[] PNG = HostileUploads.png(120, 120);

    @Autowired MockMvc mvc;
    @Autowired Ledgers ledgers;
    @Autowired org.jianfu.test.LedgerSteps ledgerSteps;
    @Autowired Seals seals;
    @Autowired Units units;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService userDetails;
    @Autowired JdbcClient jdbc;

    AccountPrincipal as(String username) {
        return (AccountPrincipal) userDetails.loadUserByUsername(username);
    }

    int version(long ledgerId) {
        return jdbc.sql("select version from ledger where id = ?").param(ledgerId).query(Integer.class).single();
    }

    /** A round asking only this district, whose ledger the reporter fills in completely and submits. */
    long submittedToItsApprover(long districtId, AccountPrincipal reporter) {
        var template = jdbc.sql("select id from ledger_template where year = 2021").query(Long.class).single();
        var round = ledgers.openRound(as("city.admin"), template, 2026, "印章测试 " + System.nanoTime(),
                LocalDate.of(2026, 6, 30), List.of(districtId));
        var ledgerId = jdbc.sql("select id from ledger where round_id = ?").param(round.id()).query(Long.class).single();
        ledgers.saveHeader(reporter, ledgerId, 0, "李静", "13812345678");
        for (var entry : ledgers.entries(ledgerId)) {
            ledgers.saveEntry(reporter, ledgerId, entry.requirementId(),
                    new EntryDraft(EntryStatus.IMPLEMENTED, "区教委制定方案并推进落实，第" + entry.requirementId() + "项已完成。", null, entry.version()));
        }
        ledgerSteps.take(reporter, ledgerId, version(ledgerId), LedgerAction.SUBMIT, null);
        return ledgerId;
    }

    @Test
    void signingOffAppliesTheDistrictsSealWhichStaysEvenWhenTheSealIsReplacedLater() throws Exception {
        var haidian = fixtures.haidian().id();
        mvc.perform(multipart("/units/{id}/seal", haidian).file(new MockMultipartFile("seal", "公章.png", "image/png", PNG))
                        .with(user(as("haidian.approver"))).with(csrf()))
                .andExpect(flash().attribute("success", "unit.seal.uploaded"));
        var sealId = seals.currentSealId(haidian).orElseThrow();

        var ledgerId = submittedToItsApprover(haidian, as("haidian.reporter"));
        ledgerSteps.take(as("haidian.approver"), ledgerId, version(ledgerId), LedgerAction.SIGN_OFF, null);
        assertThat(ledgers.sealOf(ledgerId)).contains(sealId);

        seals.upload(as("haidian.approver"), haidian, PNG);
        assertThat(ledgers.sealOf(ledgerId)).as("the signed ledger keeps its seal").contains(sealId);
        mvc.perform(get("/ledgers/{id}", ledgerId).with(user(as("city.admin"))))
                .andExpect(content().string(containsString("/units/" + haidian + "/seals/" + sealId)));
        mvc.perform(get("/units/{u}/seals/{s}", haidian, sealId).with(user(as("city.admin")))).andExpect(status().isOk());
        mvc.perform(get("/units/{u}/seals/{s}", haidian, sealId).with(user(as("chaoyang.reporter")))).andExpect(status().isNotFound());
    }

    @Test
    void anApproverWhoseUnitHasNoSealIsToldSoBeforeSigningOff() throws Exception {
        // 东城区: no seal in the demo data, and no other test uploads one for it.
        var district = units.findByCode("110101").orElseThrow();
        assertThat(seals.currentSealId(district.id())).isEmpty();
        var reporter = as(fixtures.account(Role.DISTRICT_REPORTER, district));
        var approver = as(fixtures.account(Role.DISTRICT_APPROVER, district));
        var ledgerId = submittedToItsApprover(district.id(), reporter);

        mvc.perform(get("/ledgers/{id}", ledgerId).with(user(approver)))
                .andExpect(content().string(containsString("本单位尚未上传公章图片")));
        mvc.perform(get("/ledgers/{id}", ledgerId).with(user(reporter)))
                .andExpect(content().string(not(containsString("本单位尚未上传公章图片"))));
        seals.upload(approver, district.id(), PNG);
        mvc.perform(get("/ledgers/{id}", ledgerId).with(user(approver)))
                .andExpect(content().string(not(containsString("本单位尚未上传公章图片"))));
    }

    @Test
    void aSealMustBeAPngOrJpegImageAndOnlyTheUnitsOwnApproverUploadsIt() throws Exception {
        var chaoyang = fixtures.chaoyang().id();
        var before = seals.currentSealId(chaoyang);
        mvc.perform(multipart("/units/{id}/seal", chaoyang).file(new MockMultipartFile("seal", "公章.png", "image/png", "不是图片".getBytes()))
                        .with(user(as("chaoyang.approver"))).with(csrf()))
                .andExpect(flash().attribute("failure", "upload.type.seal"));
        for (var other : new String[] { "chaoyang.reporter", "sysadmin", "city.admin" }) {
            mvc.perform(multipart("/units/{id}/seal", chaoyang).file(new MockMultipartFile("seal", "公章.png", "image/png", PNG))
                            .with(user(as(other))).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(multipart("/units/{id}/seal", chaoyang).file(new MockMultipartFile("seal", "公章.png", "image/png", PNG))
                        .with(user(as("haidian.approver"))).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(seals.currentSealId(chaoyang)).isEqualTo(before);
    }
}
