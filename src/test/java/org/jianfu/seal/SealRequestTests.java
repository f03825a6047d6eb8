package org.jianfu.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.platform.RuleViolation;
import org.jianfu.test.Fixtures;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.unit.Seals;
import org.jianfu.unit.Unit;
import org.jianfu.unit.Units;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Making, replacing and revoking a unit's electronic seal takes its approver's request and a security admin's approval;
 * nobody else can do either half, and every step is audited. Works in 怀柔区, which the test gives a seal image.
 */
@JianfuIntegrationTest
class SealRequestTests {

    @Autowired SealRequests requests;
    @Autowired ElectronicSeals seals;
    @Autowired Seals images;
    @Autowired Units units;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;

    Unit huairou;
    AccountPrincipal approver;
    AccountPrincipal securityAdmin;

    AccountPrincipal person(Role role, Unit unit) {
        return (AccountPrincipal) users.loadUserByUsername(fixtures.account(role, unit));
    }

    long audited(String action) {
        return jdbc.sql("select count(*) from audit_event where action = ? and object_id = ?").params(action, Long.toString(huairou.id()))
                .query(Long.class).single();
    }

    @BeforeEach
    void 怀柔区HasASealImageAndNoOpenRequest() {
        huairou = units.findByCode("110116").orElseThrow();
        approver = person(Role.DISTRICT_APPROVER, huairou);
        securityAdmin = person(Role.SECURITY_ADMIN, huairou);
        images.upload(approver, huairou.id(), org.jianfu.test.HostileUploads.png(200, 200));
        jdbc.sql("update seal_request set decision = 'REFUSED', decided_by = 'test', decided_at = now(), refusal_reason = '测试清理' "
                + "where unit_id = ? and decision is null").param(huairou.id()).update();
    }

    @Test
    void theApproversRequestMakesTheSealOnlyOnceASecurityAdminApprovesAndReplacesTheOneInUse() {
        var before = seals.active(huairou.id());
        var requested = audited("seal.requested");
        var request = requests.requestMaking(approver, "首次启用电子印章");
        assertThat(seals.active(huairou.id())).isEqualTo(before);
        assertThat(audited("seal.requested")).isEqualTo(requested + 1);
        // a second request waits for the first
        assertThatThrownBy(() -> requests.requestMaking(approver, "再次申请")).isInstanceOf(RuleViolation.class)
                .hasFieldOrPropertyWithValue("messageKey", "seal.error.request-open");

        var approved = requests.approve(securityAdmin, request.id());
        var made = seals.active(huairou.id()).orElseThrow();
        assertThat(approved.madeSealId()).isEqualTo(made.id());
        assertThat(made.certificate().getSubjectX500Principal().getName()).contains(huairou.name());
        before.ifPresent(old -> assertThat(seals.find(old.id()).orElseThrow().state()).isEqualTo(ElectronicSeal.State.REPLACED));
        assertThat(audited("seal.made")).isPositive();
        assertThat(audited("seal.request-approved")).isPositive();
        assertThat(jdbc.sql("select count(*) from notification where unit_id = ? and kind = 'SEAL_REQUEST_APPROVED'").param(huairou.id())
                .query(Long.class).single()).isPositive();
    }

    @Test
    void revokingTakesARequestAndAnApprovalAndTheRevokedSealSignsNothingMore() {
        var seal = seals.active(huairou.id()).orElseGet(() -> seals.make(huairou.id()));
        var request = requests.requestRevocation(approver, seal.id(), "印章遗失");
        assertThat(seals.find(seal.id()).orElseThrow().state()).isEqualTo(ElectronicSeal.State.ACTIVE);
        requests.approve(securityAdmin, request.id());
        var revoked = seals.find(seal.id()).orElseThrow();
        assertThat(revoked.state()).isEqualTo(ElectronicSeal.State.REVOKED);
        assertThat(revoked.revocationReason()).isEqualTo("印章遗失");
        assertThat(seals.active(huairou.id())).isEmpty();
        assertThat(audited("seal.revoked")).isPositive();
    }

    @Test
    void nobodyButTheUnitsApproverAsksAndNobodyButASecurityAdminOfItsScopeDecides() {
        assertThatThrownBy(() -> requests.requestMaking(person(Role.DISTRICT_REPORTER, huairou), "代为申请"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> requests.requestMaking(person(Role.SYSTEM_ADMIN, huairou), "系统管理员申请"))
                .isInstanceOf(AccessDeniedException.class);
        var request = requests.requestMaking(approver, "启用");
        for (var role : new Role[] { Role.SYSTEM_ADMIN, Role.DISTRICT_APPROVER, Role.CITY_ADMIN, Role.AUDIT_ADMIN }) {
            var unit = role == Role.CITY_ADMIN ? fixtures.city() : huairou;
            var who = person(role, unit);
            assertThatThrownBy(() -> requests.approve(who, request.id())).as(role.name()).isInstanceOf(AccessDeniedException.class);
        }
        var elsewhere = person(Role.SECURITY_ADMIN, fixtures.chaoyang());
        assertThatThrownBy(() -> requests.approve(elsewhere, request.id())).isInstanceOf(RuntimeException.class)
                .isNotInstanceOf(RuleViolation.class);
        // a refusal needs its reason, which the approver reads
        assertThatThrownBy(() -> requests.refuse(securityAdmin, request.id(), " ")).isInstanceOf(RuleViolation.class);
        var refused = requests.refuse(securityAdmin, request.id(), "印章图片不清晰，请重新上传");
        assertThat(refused.decision()).isEqualTo(SealRequest.Decision.REFUSED);
        assertThat(requests.ofUnit(huairou.id())).first().extracting(SealRequest::refusalReason).isEqualTo("印章图片不清晰，请重新上传");
        assertThatThrownBy(() -> requests.approve(securityAdmin, request.id())).isInstanceOf(RuleViolation.class);
    }
}
