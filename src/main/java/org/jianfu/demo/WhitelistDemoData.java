package org.jianfu.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.unit.SchoolStage;
import org.jianfu.unit.Unit;
import org.jianfu.unit.Units;
import org.jianfu.whitelist.ActivityForm;
import org.jianfu.whitelist.ApplicationForm;
import org.jianfu.whitelist.BannedDemand;
import org.jianfu.whitelist.Category;
import org.jianfu.whitelist.Report;
import org.jianfu.whitelist.ReportForm;
import org.jianfu.whitelist.Reports;
import org.jianfu.whitelist.Whitelist;
import org.jianfu.whitelist.WhitelistApplication;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode: this year's campus-entry whitelist as a city might publish it (city items and 海淀区's and
 * 朝阳区's district items), an application refused at the door for banned demands, one waiting for review
 * and one returned, activities 中关村第一小学 hosted, and two reports (one from the school, one anonymous).
 * Runs after {@link DemoData}, once: not when the whitelist already has items.
 */
@Component
@Profile("demo")
@Order(20)
class WhitelistDemoData implements ApplicationRunner {

    private final Whitelist whitelist;
    private final Reports reports;
    private final Units units;
    private final UserDetailsService userDetails;
    private final Clock clock;

    WhitelistDemoData(Whitelist whitelist, Reports reports, Units units, UserDetailsService userDetails, Clock clock) {
        this.whitelist = whitelist;
        this.reports = reports;
        this.units = units;
        this.userDetails = userDetails;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (units.findByCode("110108").isEmpty() || whitelist.anyListed()) {
            return;
        }
        var year = LocalDate.now(clock).getYear();
        var city = principal("city.admin");
        var haidian = principal("haidian.reporter");
        var chaoyang = principal("chaoyang.reporter");
        var department = principal("dept.user");
        var school = principal("school.user");

        var safety = approve(city, whitelist.apply(city, form(year, "中小学生安全教育（防溺水、交通安全）进校园", "北京市公安局公安交通管理局",
                Category.SPECIAL_CAMPAIGN, "由交管民警和专业救援人员讲授交通安全、防溺水知识，结合真实案例开展互动问答。",
                Set.of(ActivityForm.LECTURE, ActivityForm.THEME_CLASS_MEETING), "各校报告厅或教室", Set.of(), null, List.of(),
                LocalDate.of(year, 1, 5), LocalDate.of(year, 12, 20), "每校每学期不超过1次",
                "《中小学幼儿园安全管理办法》；《北京市中小学校安全工作规定》", "班主任组织本班学生参加，不另行布置任务", 2)));
        approve(city, whitelist.apply(city, form(year, "冰雪运动与冬奥知识普及进校园", "北京市体育局",
                Category.PUBLICITY, "冬奥知识展览与冰雪项目体验，由体育局委托的专业教练在课后服务时段组织。",
                Set.of(ActivityForm.EXHIBITION, ActivityForm.AFTER_SCHOOL), "学校体育馆或操场",
                Set.of(SchoolStage.PRIMARY, SchoolStage.JUNIOR), "小学四年级至初中二年级", List.of(),
                LocalDate.of(year, 3, 15), LocalDate.of(year, 12, 15), "每校每年不超过2次",
                "《关于推进冰雪运动进校园的实施意见》", null, 0)));
        approve(city, whitelist.apply(city, form(year, "国家教师资格考试考点承接", "北京教育考试院",
                Category.EXAM_DUTY, "承接上、下半年国家教师资格考试笔试考点，考务人员由考试院统筹，监考任务在学校间轮换。",
                Set.of(ActivityForm.OTHER), "承担考点任务的高中校", Set.of(SchoolStage.SENIOR), null, List.of(),
                LocalDate.of(year, 3, 1), LocalDate.of(year, 11, 30), "每年2次（上、下半年各1次）",
                "《中小学教师资格考试暂行办法》", "监考任务按学校轮换分配，每位教师每年不超过2场", 8)));
        approve(city, whitelist.apply(city, form(year, "援疆援藏中小学线上同步课堂", "北京市教育委员会",
                Category.AID_COOPERATION, "与和田、拉萨结对学校开展线上同步课堂和教研交流，由自愿报名的骨干教师承担。",
                Set.of(ActivityForm.ONLINE), "学校录播教室", Set.of(SchoolStage.JUNIOR, SchoolStage.SENIOR), null, List.of(),
                LocalDate.of(year, 4, 1), LocalDate.of(year, 11, 30), "每月不超过1次",
                "《北京市对口支援教育工作方案》", "自愿报名教师每学期承担不超过2节同步课", 4)));

        var haidianSchools = units.children(units.findByCode("110108").orElseThrow().id()).stream()
                .filter(u -> u.type() == org.jianfu.unit.UnitType.SCHOOL).toList();
        approve(haidian, whitelist.apply(department, form(year, "近视防控与健康知识讲座", "海淀区卫生健康委员会",
                Category.PUBLICITY, "区疾控中心医生讲授近视防控、用眼卫生和传染病预防知识。",
                Set.of(ActivityForm.LECTURE), "各校报告厅", Set.of(SchoolStage.PRIMARY), null, List.of(),
                LocalDate.of(year, 3, 1), LocalDate.of(year, 6, 30), "每校每学期1次",
                "《综合防控儿童青少年近视实施方案》", null, 0)));
        approve(haidian, whitelist.apply(department, form(year, "社区垃圾分类主题班会", "海淀区海淀街道办事处",
                Category.COMMUNITY, "街道垃圾分类指导员进班讲解分类方法，学生参与社区宣传展板设计（自愿）。",
                Set.of(ActivityForm.THEME_CLASS_MEETING), "教室", Set.of(), "三至五年级",
                named(haidianSchools, "北京市海淀区中关村第一小学", "北京市海淀区实验小学"),
                LocalDate.of(year, 3, 10), LocalDate.of(year, 5, 31), "每校1次",
                "《北京市生活垃圾管理条例》", null, 0)));
        whitelist.apply(department, form(year, "创建文明城区志愿服务进校园", "海淀区城市管理委员会",
                Category.CITY_CREATION, "组织教师周末在路口值守劝导，每校提交不少于20张志愿服务照片。",
                Set.of(ActivityForm.OTHER), "辖区主要路口", Set.of(), null, List.of(),
                LocalDate.of(year, 4, 1), LocalDate.of(year, 10, 31), "每周末",
                "区创城工作方案", "每校每周派出教师4人上路口值守", 16, BannedDemand.STREET_DUTY, BannedDemand.PROOF_PHOTOS));
        whitelist.apply(department, form(year, "中小学生健康知识竞赛", "海淀区卫生健康委员会",
                Category.PUBLICITY, "以班级为单位线上答题，区卫健委统一出题、阅卷。",
                Set.of(ActivityForm.ONLINE, ActivityForm.COMPETITION), "线上", Set.of(SchoolStage.PRIMARY, SchoolStage.JUNIOR),
                null, List.of(), LocalDate.of(year, 5, 1), LocalDate.of(year, 5, 31), "1次",
                "《健康北京行动（2020—2030年）》", null, 0));
        var firstAid = whitelist.apply(department, form(year, "急救知识培训进校园", "海淀区红十字会",
                Category.PUBLICITY, "心肺复苏和AED使用培训。", Set.of(ActivityForm.LECTURE, ActivityForm.DRILL), "学校体育馆",
                Set.of(), null, List.of(), LocalDate.of(year, 9, 1), LocalDate.of(year, 11, 30), "每校1次",
                "《北京市院前医疗急救服务条例》", "教师参加培训", 4));
        whitelist.review(haidian, firstAid.id(), firstAid.version(), Whitelist.Decision.RETURN,
                "请明确面向的学段、年级，以及教师是自愿参加还是必须参加。");

        approve(chaoyang, whitelist.apply(chaoyang, form(year, "中小学消防安全疏散演练", "朝阳区消防救援支队",
                Category.SPECIAL_CAMPAIGN, "消防员指导学校开展疏散演练并讲解灭火器使用，演练安排在大课间。",
                Set.of(ActivityForm.DRILL), "各校操场", Set.of(), null, List.of(),
                LocalDate.of(year, 3, 1), LocalDate.of(year, 11, 30), "每校每学期1次",
                "《中华人民共和国消防法》；《中小学幼儿园安全管理办法》", "班主任组织疏散", 1)));

        var today = LocalDate.now(clock);
        whitelist.recordHosted(school, safety.verificationCode(), safety.covers(today) ? today : safety.startsOn());

        var filed = reports.fileBySchool(school, new ReportForm(null, null, Report.Kind.UNLISTED, null, null,
                "某保险公司（自称受街道委托）", "对方以“安全教育”名义要求进校宣讲，并要求班主任收集学生家长电话，未出示白名单核验码。",
                today.minusDays(3)));
        reports.handle(haidian, filed.report().id(), filed.report().version(), Report.State.HANDLED,
                "已与海淀街道核实，街道未委托该公司；已通知全区学校拒绝接待。", "该活动未列入白名单，已制止。");
        reports.fileAnonymously("demo", new ReportForm(units.findByCode("110108").orElseThrow().id(), null,
                Report.Kind.BANNED_DEMAND, BannedDemand.WRITING, null, "某街道创城办",
                "要求每位教师在周五前提交一篇创城工作心得体会，并上传到工作群。", today.minusDays(1)));
    }

    private WhitelistApplication approve(AccountPrincipal reviewer, WhitelistApplication application) {
        return whitelist.review(reviewer, application.id(), application.version(), Whitelist.Decision.APPROVE, null);
    }

    private AccountPrincipal principal(String username) {
        return (AccountPrincipal) userDetails.loadUserByUsername(username);
    }

    private static List<Long> named(List<Unit> schools, String... names) {
        var wanted = List.of(names);
        return schools.stream().filter(s -> wanted.contains(s.name())).map(Unit::id).toList();
    }

    private static ApplicationForm form(int year, String name, String leadUnit, Category category, String content,
            Set<ActivityForm> forms, String place, Set<SchoolStage> stages, String grades, List<Long> schoolIds,
            LocalDate from, LocalDate to, String frequency, String basis, String teacherTasks, int hours,
            BannedDemand... asked) {
        var yes = Set.of(asked);
        return new ApplicationForm(name, leadUnit, category, content, forms, place, stages, grades, schoolIds, year, from, to,
                frequency, basis, teacherTasks, hours, yes.contains(BannedDemand.WRITING), yes.contains(BannedDemand.STREET_DUTY),
                yes.contains(BannedDemand.PROOF_PHOTOS), yes.contains(BannedDemand.CLASS_TIME), 0);
    }
}
