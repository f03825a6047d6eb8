package org.jianfu.demo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.exam.DutyImports;
import org.jianfu.exam.ExamPlans;
import org.jianfu.exam.Proposals;
import org.jianfu.teacher.Roster;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Demo mode: exam duties in 海淀区 and 朝阳区, through the register's own steps. 海淀区's department files three plans with
 * 海淀区: one arranged with sessions at two schools, one refused with a reason, one waiting; the district's reporter
 * records an exemption, has a proposal made and imports the exam office's sheet of what was done (the same few teachers
 * again and again, and an exam in no plan); an autumn exam is arranged and proposed, what was done in June counted. The
 * two districts' schools are placed on the map, so proposals send the nearest teachers. A city department files a plan
 * with the city, which moves it to 朝阳区's schools and adds sessions there; 朝阳区's reporter has a proposal made. Runs after {@link RosterDemoData}, once: not when
 * any exam plan exists.
 */
@Component
@Profile("demo")
@Order(48)
class ExamDemoData implements ApplicationRunner {

    private final ExamPlans plans;
    private final Proposals proposals;
    private final DutyImports imports;
    private final Roster roster;
    private final Units units;
    private final UserDetailsService userDetails;
    private final JdbcClient jdbc;
    private final Clock clock;

    ExamDemoData(ExamPlans plans, Proposals proposals, DutyImports imports, Roster roster, Units units, UserDetailsService userDetails,
            JdbcClient jdbc, Clock clock) {
        this.plans = plans;
        this.proposals = proposals;
        this.imports = imports;
        this.roster = roster;
        this.units = units;
        this.userDetails = userDetails;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        AccountPrincipal department;
        AccountPrincipal haidianReporter;
        AccountPrincipal haidianApprover;
        AccountPrincipal chaoyangReporter;
        AccountPrincipal cityDepartment;
        AccountPrincipal city;
        try {
            department = as("dept.user");
            haidianReporter = as("haidian.reporter");
            haidianApprover = as("haidian.approver");
            chaoyangReporter = as("chaoyang.reporter");
            cityDepartment = as("city.dept");
            city = as("city.admin");
        }
        catch (org.springframework.security.core.userdetails.UsernameNotFoundException noDemoAccounts) {
            return;
        }
        if (jdbc.sql("select count(*) from exam_plan").query(Long.class).single() > 0) {
            return;
        }
        var haidian = schoolsWithTeachers(haidianReporter.unitId());
        var chaoyang = schoolsWithTeachers(chaoyangReporter.unitId());
        if (haidian.size() < 3 || chaoyang.size() < 2) {
            return;
        }
        placeSchools(units.children(haidianReporter.unitId()));
        placeSchools(units.children(chaoyangReporter.unitId()));
        var year = LocalDate.now(clock).getYear();
        var day = LocalDate.of(year, 6, 13);

        var planned = plans.file(department, new ExamPlans.PlanDraft("全国计算机等级考试（海淀考点）", "海淀区教育考试中心", day, day.plusDays(1), 3,
                620, 11, haidian.get(0).name() + "、" + haidian.get(1).name()));
        planned = plans.decide(haidianApprover, planned.id(), planned.version(), ExamPlans.Decision.ARRANGE, null);
        session(haidianReporter, planned.id(), haidian.get(0), day, 9, 0, 11, 0, 4);
        session(haidianReporter, planned.id(), haidian.get(1), day, 14, 0, 16, 30, 3);
        session(haidianReporter, planned.id(), haidian.get(0), day.plusDays(1), 9, 0, 11, 0, 4);
        var refused = plans.file(department, new ExamPlans.PlanDraft("区级职业技能等级认定", "海淀区人力资源和社会保障局", day.plusDays(20),
                day.plusDays(20), 1, 200, 8, haidian.get(2).name()));
        plans.decide(haidianApprover, refused.id(), refused.version(), ExamPlans.Decision.REFUSE,
                "该日期为学校期末考试周，且该考试可在社会考点举行，请改用区职业技能鉴定中心考点。");
        plans.file(department, new ExamPlans.PlanDraft("普通话水平测试", "海淀区语言文字工作委员会", day.plusDays(60), day.plusDays(61), 4, 300,
                6, haidian.get(1).name()));

        // a teacher of the first school exempt over the exam days (pregnancy)
        var first = roster.teachersOf(haidian.get(0).id());
        proposals.exempt(haidianReporter, haidianReporter.unitId(), first.get(first.size() - 1).teacherNumber(), day.minusDays(30),
                day.plusDays(90), "孕期");
        proposals.propose(haidianReporter, haidianReporter.unitId(), year);
        imports.importSheet(haidianReporter, haidianReporter.unitId(), "海淀区监考人员安排（考试中心）.csv", sheet(haidian, first, day));
        // an autumn exam: its proposal counts what the teachers carried in June against their yearly cap
        var autumn = plans.file(department, new ExamPlans.PlanDraft("全国英语等级考试（海淀考点）", "海淀区教育考试中心", day.plusDays(98),
                day.plusDays(98), 2, 400, 8, haidian.get(2).name()));
        autumn = plans.decide(haidianApprover, autumn.id(), autumn.version(), ExamPlans.Decision.ARRANGE, null);
        session(haidianReporter, autumn.id(), haidian.get(2), day.plusDays(98), 9, 0, 11, 0, 4);
        session(haidianReporter, autumn.id(), haidian.get(2), day.plusDays(98), 14, 0, 16, 0, 4);
        proposals.propose(haidianReporter, haidianReporter.unitId(), year);

        var moved = plans.file(cityDepartment, new ExamPlans.PlanDraft("护士执业资格考试（北京考区）", "北京市卫生健康委员会", day.plusDays(1),
                day.plusDays(1), 2, 900, 14, "西城区、东城区各中学"));
        moved = plans.decide(city, moved.id(), moved.version(), ExamPlans.Decision.MOVE, "西城区、东城区考点已满，改在朝阳区"
                + chaoyang.get(0).name() + "、" + chaoyang.get(1).name() + "举行。");
        session(city, moved.id(), chaoyang.get(0), day.plusDays(1), 9, 0, 11, 30, 5);
        session(city, moved.id(), chaoyang.get(1), day.plusDays(1), 14, 0, 16, 0, 4);
        proposals.propose(chaoyangReporter, chaoyangReporter.unitId(), year);
    }

    /** What the exam office sends back: a title, a blank row, full-width digits, the exam written once; one exam in no plan. */
    private byte[] sheet(List<Unit> schools, List<org.jianfu.teacher.Teacher> first, LocalDate day) {
        var csv = new StringBuilder("海淀区社会考试监考人员安排表,,,,,\r\n,,,,,\r\n考试名称,日期,时间,教师编号,姓名,学校\r\n");
        var busy = first.subList(0, Math.min(3, first.size() - 1));
        for (var d = 0; d < 2; d++) {
            var date = fullWidth(day.plusDays(d).toString());
            for (var i = 0; i < busy.size(); i++) {
                var t = busy.get(i);
                csv.append(i == 0 && d == 0 ? "全国计算机等级考试（海淀考点）" : "").append(',').append(i == 0 ? date : "").append(',')
                        .append(fullWidth("09:00-11:00")).append(',').append(t.teacherNumber()).append(',').append(t.name()).append(',')
                        .append(schools.get(0).name()).append("\r\n");
            }
            csv.append(",,,,,\r\n");
        }
        var second = roster.teachersOf(schools.get(1).id());
        csv.append("全国计算机等级考试（海淀考点）,").append(day).append(",14:00-16:30,").append(second.get(0).teacherNumber()).append(',')
                .append(second.get(0).name()).append(',').append(schools.get(1).name()).append("\r\n");
        for (var t : busy) {
            csv.append("某培训机构结业考试,").append(day.plusDays(7)).append(",09:00-11:30,").append(t.teacherNumber()).append(',')
                    .append(t.name()).append(',').append(schools.get(0).name()).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Where the demo's schools of 海淀区 and 朝阳区 are (approximately), so that proposals prefer nearby schools. */
    private static final Map<String, double[]> PLACES = Map.of(
            "北京市海淀区中关村第一小学", new double[] { 39.9834, 116.3170 },
            "北京市十一学校", new double[] { 39.9134, 116.2889 },
            "北京市海淀区实验小学", new double[] { 39.9556, 116.3064 },
            "北京市第一〇一中学", new double[] { 40.0033, 116.2981 },
            "北京市海淀区清河中学", new double[] { 40.0300, 116.3330 },
            "北京市朝阳区实验小学", new double[] { 39.9390, 116.4690 },
            "北京市陈经纶中学", new double[] { 39.9226, 116.4548 },
            "北京市朝阳区芳草地国际学校", new double[] { 39.9163, 116.4427 },
            "北京市第八十中学", new double[] { 39.9880, 116.4740 });

    private void placeSchools(List<Unit> schools) {
        for (var school : schools) {
            var at = PLACES.get(school.name());
            if (at != null) {
                units.locate(school.id(), units.get(school.id()).version(), BigDecimal.valueOf(at[0]), BigDecimal.valueOf(at[1]));
            }
        }
    }

    private void session(AccountPrincipal me, long planId, Unit school, LocalDate day, int h1, int m1, int h2, int m2, int rooms) {
        plans.addSession(me, planId, new ExamPlans.SessionDraft(school.id(), day, LocalTime.of(h1, m1), LocalTime.of(h2, m2), rooms, 2));
    }

    private List<Unit> schoolsWithTeachers(long districtId) {
        var counts = roster.countsBySchool(districtId);
        return units.children(districtId).stream().filter(u -> u.type() == UnitType.SCHOOL && u.enabled() && counts.getOrDefault(u.id(), 0L) >= 6)
                .sorted(Unit.OFFICIAL_ORDER).toList();
    }

    private AccountPrincipal as(String username) {
        return (AccountPrincipal) userDetails.loadUserByUsername(username);
    }

    private static String fullWidth(String text) {
        var out = new StringBuilder();
        text.chars().forEach(c -> out.append(c >= '0' && c <= '9' ? (char) (c + 0xFEE0) : (char) c));
        return out.toString();
    }
}
