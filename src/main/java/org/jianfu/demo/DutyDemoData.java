package org.jianfu.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.duty.Competitions;
import org.jianfu.duty.Duties;
import org.jianfu.duty.DutyType;
import org.jianfu.duty.Workloads;
import org.jianfu.teacher.Roster;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Demo mode: the school duties of 中关村第一小学 (the school of {@code school.user}), recorded through the register's own
 * rules by the school: duties in force, one ended, an attempt to put a teacher in charge of the canteen (refused, so the
 * district sees it), weekly lessons for every teacher (one above the 小学 standard of 20 periods, one exactly at it), and a
 * teaching competition repeating an earlier one's content. Runs after {@link RosterDemoData}, once: not when 海淀区 has
 * duties recorded.
 */
@Component
@Profile("demo")
@Order(45)
class DutyDemoData implements ApplicationRunner {

    private final Duties duties;
    private final Workloads workloads;
    private final Competitions competitions;
    private final Roster roster;
    private final UserDetailsService userDetails;
    private final JdbcClient jdbc;
    private final Clock clock;

    DutyDemoData(Duties duties, Workloads workloads, Competitions competitions, Roster roster, UserDetailsService userDetails,
            JdbcClient jdbc, Clock clock) {
        this.duties = duties;
        this.workloads = workloads;
        this.competitions = competitions;
        this.roster = roster;
        this.userDetails = userDetails;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        AccountPrincipal school;
        try {
            school = (AccountPrincipal) userDetails.loadUserByUsername("school.user");
        }
        catch (org.springframework.security.core.userdetails.UsernameNotFoundException noDemoSchool) {
            return;
        }
        var teachers = roster.teachersOf(school.unitId());
        if (teachers.size() < 6 || jdbc.sql("select count(*) from duty_assignment where school_id = ?").param(school.unitId())
                .query(Long.class).single() > 0) {
            return;
        }
        var today = LocalDate.now(clock);
        var lessons = new int[] { 12, 14, 16, 18, 14, 16, 12, 10 };
        for (int i = 0; i < teachers.size() && i < lessons.length; i++) {
            workloads.recordLessons(school, teachers.get(i).teacherNumber(), lessons[i]);
        }
        // teacher 3: 18 lessons and 4 hours of duties, above the 20 periods of a 小学 teacher; teacher 2: 16 and 4, exactly at it
        record(school, "值周值班", teachers.get(3).teacherNumber(), "2", today.minusMonths(2), null);
        record(school, "课后服务看护", teachers.get(3).teacherNumber(), "2", today.minusMonths(1), null);
        record(school, "行政兼职（办公室、教务、德育等）", teachers.get(2).teacherNumber(), "4", today.minusMonths(3), null);
        record(school, "上下学护导", teachers.get(1).teacherNumber(), "2.5", today.minusMonths(2), null);
        record(school, "午餐午休看护", teachers.get(4).teacherNumber(), "3", today.minusMonths(4), today.minusMonths(1));
        // refused at the door: canteen management is banned by requirement 20
        record(school, "食堂管理", teachers.get(5).teacherNumber(), "5", today.minusDays(7), null);

        var first = today.minusDays(60).getYear() == today.getYear() ? today.minusDays(60) : today.withDayOfYear(1);
        competitions.record(school, new Competitions.CompetitionDraft(null, "海淀区青年教师课堂教学展示", "海淀区教师进修学校", "小学语文阅读教学",
                first));
        competitions.record(school, new Competitions.CompetitionDraft(null, "海淀区小学语文优质课评选", "海淀区教育科学研究所", "小学语文阅读教学",
                today.minusDays(Math.min(10, today.getDayOfYear() - 1))));
        competitions.record(school, new Competitions.CompetitionDraft(null, "海淀区科学实验教学说课", "海淀区教师进修学校", "小学科学实验教学",
                first));
    }

    private void record(AccountPrincipal school, String type, String teacherNumber, String hours, LocalDate from, LocalDate to) {
        var id = duties.types().stream().filter(t -> t.name().equals(type)).map(DutyType::id).findFirst();
        id.ifPresent(typeId -> duties.record(school, new Duties.DutyDraft(typeId, teacherNumber, new BigDecimal(hours), from, to)));
    }
}
