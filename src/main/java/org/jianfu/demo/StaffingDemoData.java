package org.jianfu.demo;

import java.time.Clock;
import java.time.LocalDate;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.teacher.Roster;
import org.jianfu.staffing.Purpose;
import org.jianfu.staffing.SecondmentDraft;
import org.jianfu.staffing.Secondments;
import org.jianfu.unit.Units;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Demo mode: secondments of 海淀区's teachers in every state, recorded through the register's own rules by its reporter
 * (one extended by its approver): under way, extended, returned, and one past its planned end and not returned, which the
 * overdue watch alerts a minute after start. Runs after {@link RosterDemoData}, once: not when 海淀区 has secondments.
 */
@Component
@Profile("demo")
@Order(40)
class StaffingDemoData implements ApplicationRunner {

    private final Secondments secondments;
    private final Roster roster;
    private final Units units;
    private final UserDetailsService userDetails;
    private final JdbcClient jdbc;
    private final Clock clock;

    StaffingDemoData(Secondments secondments, Roster roster, Units units, UserDetailsService userDetails, JdbcClient jdbc, Clock clock) {
        this.secondments = secondments;
        this.roster = roster;
        this.units = units;
        this.userDetails = userDetails;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        var haidian = units.findByCode("110108");
        if (haidian.isEmpty() || roster.byNumber("HD00001").isEmpty()
                || jdbc.sql("select count(*) from staffing_secondment where district_id = ?").param(haidian.get().id()).query(Long.class)
                        .single() > 0) {
            return;
        }
        var reporter = (AccountPrincipal) userDetails.loadUserByUsername("haidian.reporter");
        var approver = (AccountPrincipal) userDetails.loadUserByUsername("haidian.approver");
        var today = LocalDate.now(clock);
        secondments.record(reporter, draft("HD00001", "海淀区委宣传部", Purpose.MAJOR_TASK, "全国文明城区复查迎检材料组，需熟悉宣传工作的骨干教师",
                today.minusMonths(2), today.plusMonths(3), "海教函〔2026〕12号", "海组备〔2026〕5号", today.minusMonths(2).minusDays(7)));
        secondments.record(reporter, draft("HD00002", "北京市人民政府教育督导室", Purpose.INSPECTION, "义务教育优质均衡发展督导评估现场核查",
                today.minusDays(40), today.minusDays(10), "海教函〔2026〕15号", "海组备〔2026〕7号", today.minusDays(45)));
        var returned = secondments.record(reporter, draft("HD00009", "海淀区人民政府教育督导室", Purpose.INSPECTION, "学校办学质量评价入校检查",
                today.minusDays(90), today.minusDays(60), "海教函〔2026〕3号", "海组备〔2026〕1号", today.minusDays(95)));
        secondments.end(reporter, returned.id(), returned.version(), today.minusDays(60));
        var extended = secondments.record(reporter, draft("HD00010", "海淀区政务服务中心", Purpose.OTHER, "政务服务改革专班，需信息技术教师",
                today.minusMonths(5), today.plusMonths(1), "海教函〔2026〕9号", "海组备〔2026〕4号", today.minusMonths(5).minusDays(5)));
        secondments.extend(approver, extended.id(), extended.version(), today.plusMonths(3), "海组备〔2026〕11号", today.minusDays(3));
    }

    private static SecondmentDraft draft(String teacher, String borrower, Purpose purpose, String reason, LocalDate start, LocalDate end,
            String consent, String approval, LocalDate signed) {
        return new SecondmentDraft(teacher, borrower, null, purpose, reason, start, end, consent, signed, approval, signed);
    }
}
