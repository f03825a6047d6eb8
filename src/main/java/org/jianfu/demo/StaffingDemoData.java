package org.jianfu.demo;

import java.time.Clock;
import java.time.LocalDate;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.staffing.AidDispatches;
import org.jianfu.staffing.AidTaskDraft;
import org.jianfu.staffing.AttendanceImports;
import org.jianfu.staffing.Purpose;
import org.jianfu.staffing.SecondmentDraft;
import org.jianfu.staffing.Secondments;
import org.jianfu.staffing.TrainingDraft;
import org.jianfu.staffing.TrainingKind;
import org.jianfu.staffing.TrainingMode;
import org.jianfu.staffing.Trainings;
import org.jianfu.teacher.Roster;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.jianfu.whitelist.Report;
import org.jianfu.whitelist.ReportForm;
import org.jianfu.whitelist.Reports;
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
 * overdue watch alerts a minute after start; aid tasks of 海淀区 and 朝阳区 with teachers sent (one for two years); 海淀区's
 * training plan with non-teaching trainings of its health commission approved, merged, cancelled and one waiting, and
 * attendance imported (one teacher above the yearly limit of hours); and trainings imposed without approval reported, by
 * 海淀区's demo school (handled) and anonymously to 海淀区 and 朝阳区 (received). Runs after {@link RosterDemoData}, each part once.
 */
@Component
@Profile("demo")
@Order(40)
class StaffingDemoData implements ApplicationRunner {

    private final Secondments secondments;
    private final AidDispatches dispatches;
    private final Trainings trainings;
    private final AttendanceImports attendance;
    private final Roster roster;
    private final Reports reports;
    private final Units units;
    private final UserDetailsService userDetails;
    private final JdbcClient jdbc;
    private final Clock clock;

    StaffingDemoData(Secondments secondments, AidDispatches dispatches, Trainings trainings, AttendanceImports attendance, Roster roster,
            Reports reports, Units units, UserDetailsService userDetails, JdbcClient jdbc, Clock clock) {
        this.secondments = secondments;
        this.dispatches = dispatches;
        this.trainings = trainings;
        this.attendance = attendance;
        this.roster = roster;
        this.reports = reports;
        this.units = units;
        this.userDetails = userDetails;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        var haidian = units.findByCode("110108");
        if (haidian.isEmpty() || roster.byNumber("HD00001").isEmpty()) {
            return;
        }
        if (none("staffing_secondment", haidian.get())) {
            secondments();
        }
        if (none("staffing_aid_task", haidian.get())) {
            dispatches();
        }
        if (none("staffing_training", haidian.get())) {
            trainings(haidian.get());
            reports(haidian.get());
        }
    }

    private boolean none(String table, Unit district) {
        return jdbc.sql("select count(*) from " + table + " where district_id = ?").param(district.id()).query(Long.class).single() == 0;
    }

    private void secondments() {
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

    /** An aid task of each district with teachers sent: 援疆 for a year, 援藏 for two, the sub-centre for a term. */
    private void dispatches() {
        var today = LocalDate.now(clock);
        var reporter = (AccountPrincipal) userDetails.loadUserByUsername("haidian.reporter");
        var xinjiang = dispatches.setTask(reporter, new AidTaskDraft("XINJIANG", "新疆和田地区墨玉县第一中学", 3, today.minusMonths(4),
                today.plusMonths(8), "京教援〔2026〕3号"));
        dispatches.send(reporter, xinjiang.id(), "HD00003", null, null);
        dispatches.send(reporter, xinjiang.id(), "HD00011", null, null);
        var tibet = dispatches.setTask(reporter, new AidTaskDraft("TIBET", "拉萨市北京实验中学", 1, today.minusMonths(2), today.plusMonths(22),
                "京教援〔2026〕5号"));
        dispatches.send(reporter, tibet.id(), "HD00019", null, null);
        var subCentre = dispatches.setTask(reporter, new AidTaskDraft("SUB_CENTRE", "通州区运河中学", 2, today.minusMonths(6),
                today.minusDays(20), "海教发〔2026〕6号"));
        var back = dispatches.send(reporter, subCentre.id(), "HD00027", null, null);
        dispatches.returned(reporter, back.id(), back.version(), today.minusDays(20));
        if (roster.byNumber("CY00001").isPresent()) {
            var chaoyang = (AccountPrincipal) userDetails.loadUserByUsername("chaoyang.reporter");
            var xiongan = dispatches.setTask(chaoyang, new AidTaskDraft("XIONGAN", "雄安新区容城县第一小学", 2, today.minusMonths(3),
                    today.plusMonths(9), "京教援〔2026〕4号"));
            dispatches.send(chaoyang, xiongan.id(), "CY00004", null, null);
        }
    }

    /**
     * 海淀区's plan of the year: its own trainings (one on mental health), its health commission's non-teaching ones approved,
     * merged, cancelled and one waiting, and the hours of the year imported (HD00005 above the limit).
     */
    private void trainings(Unit haidian) {
        var reporter = (AccountPrincipal) userDetails.loadUserByUsername("haidian.reporter");
        var approver = (AccountPrincipal) userDetails.loadUserByUsername("haidian.approver");
        var health = units.children(haidian.id()).stream().filter(u -> u.type() == UnitType.DEPARTMENT && u.name().contains("卫生健康"))
                .findFirst();
        var year = LocalDate.now(clock).getYear();
        var research = trainings.record(reporter, training(year, "基于课程标准的大单元教学设计", TrainingKind.TEACHING_RESEARCH,
                TrainingMode.BLENDED, "48", "全区中小学学科教师"));
        var digital = trainings.record(reporter, training(year, "数字化教学能力提升", TrainingKind.INFORMATION_TECHNOLOGY, TrainingMode.MENU,
                "24", "全区中小学教师"));
        var wellbeing = trainings.record(reporter, training(year, "教师心理健康与压力调适", TrainingKind.MENTAL_HEALTH, TrainingMode.ONLINE,
                "8", "全区中小学教师"));
        var csv = new StringBuilder("教师编号,培训,学时\r\n");
        csv.append("HD00005,").append(research.id()).append(",48\r\nHD00005,").append(digital.id()).append(",24\r\n");
        if (health.isPresent()) {
            var department = (AccountPrincipal) userDetails.loadUserByUsername("dept.user");
            var first = trainings.record(department, training(year, "校园传染病防控知识培训", TrainingKind.NON_TEACHING, TrainingMode.ONLINE,
                    "4", "各校卫生保健教师"));
            trainings.decide(approver, first.id(), first.version(), Trainings.Decision.APPROVE, null, "依法开展的卫生防疫培训，面向保健教师，同意");
            var merged = trainings.record(department, training(year, "教师心理危机干预讲座", TrainingKind.NON_TEACHING, TrainingMode.OFFLINE,
                    "3", "全区班主任"));
            trainings.decide(approver, merged.id(), merged.version(), Trainings.Decision.MERGE, wellbeing.id(),
                    "与区教委心理健康培训内容重复，合并进行");
            var cancelled = trainings.record(department, training(year, "健康知识竞赛动员培训", TrainingKind.NON_TEACHING,
                    TrainingMode.OFFLINE, "2", "全体教师"));
            trainings.decide(approver, cancelled.id(), cancelled.version(), Trainings.Decision.CANCEL, null, "与教育教学无关，取消");
            trainings.record(department, training(year, "爱国卫生月宣传培训", TrainingKind.NON_TEACHING, TrainingMode.OFFLINE, "2", "全体教师"));
            csv.append("HD00005,").append(first.id()).append(",4\r\n");
        }
        for (int n = 5; n <= 20; n++) {
            csv.append(String.format("HD%05d,", n)).append(wellbeing.id()).append(",8\r\n");
        }
        for (int n = 6; n <= 12; n++) {
            csv.append(String.format("HD%05d,", n)).append(research.id()).append(",").append(16 + n).append("\r\n");
        }
        // HD00005: 48 + 24 + 8 (+ 4) hours, and 48 again below: above the yearly limit of 120
        var hours = trainings.record(reporter, training(year, "暑期全员集中培训", TrainingKind.SUBJECT, TrainingMode.OFFLINE, "40",
                "全区中小学教师"));
        csv.append("HD00005,").append(hours.id()).append(",40\r\n");
        attendance.apply(reporter, attendance.preview(reporter, "培训学时汇总.csv", csv.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Trainings imposed on teachers without the education department's approval, reported through the one mechanism of reports. */
    private void reports(Unit haidian) {
        var today = LocalDate.now(clock);
        var approver = (AccountPrincipal) userDetails.loadUserByUsername("haidian.approver");
        var school = (AccountPrincipal) userDetails.loadUserByUsername("school.user");
        var filed = reports.fileBySchool(school, new ReportForm(null, null, Report.Kind.UNAPPROVED_TRAINING, null, null,
                "某街道社区服务中心 · 垃圾分类指导员培训", "要求每校派出3名教师周六全天参加培训并考试，未见区教委审批。", today.minusDays(12)));
        reports.handle(approver, filed.report().id(), filed.report().version(), Report.State.HANDLED,
                "已与街道核实，该培训未报区教委审批；已通知街道停止要求教师参加。", "培训已取消，今后须先报区教委审批。");
        reports.fileAnonymously("demo-staffing", new ReportForm(haidian.id(), null, Report.Kind.UNAPPROVED_TRAINING, null, null,
                "某区级协会 · 志愿服务骨干培训", "要求班主任每周三下午参加线上培训并截图打卡，连续四周。", today.minusDays(2)));
        units.findByCode("110105").ifPresent(chaoyang -> reports.fileAnonymously("demo-staffing", new ReportForm(chaoyang.id(), null,
                Report.Kind.UNAPPROVED_TRAINING, null, null, "某委办局 · 安全生产知识线上培训", "要求全体教师在工作日完成6学时线上课程并上传证书。",
                today.minusDays(5))));
    }

    private static TrainingDraft training(int year, String title, TrainingKind kind, TrainingMode mode, String hours, String targets) {
        return new TrainingDraft(year, title, null, kind, mode, new BigDecimal(hours), targets);
    }

    private static SecondmentDraft draft(String teacher, String borrower, Purpose purpose, String reason, LocalDate start, LocalDate end,
            String consent, String approval, LocalDate signed) {
        return new SecondmentDraft(teacher, borrower, null, purpose, reason, start, end, consent, signed, approval, signed);
    }
}
