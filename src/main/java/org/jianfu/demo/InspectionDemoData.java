package org.jianfu.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.inspection.BaselineItem;
import org.jianfu.inspection.BaselineOutcome;
import org.jianfu.inspection.Cleanups;
import org.jianfu.inspection.InspectionCategory;
import org.jianfu.inspection.InspectionItem;
import org.jianfu.inspection.InspectionItems;
import org.jianfu.inspection.ItemDraft;
import org.jianfu.inspection.TargetKind;
import org.jianfu.inspection.VisitDraft;
import org.jianfu.inspection.Visits;
import org.jianfu.inspection.Window;
import org.jianfu.unit.SchoolStage;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo inspection register, after {@link DemoData}: a city item of the municipal health commission,
 * 海淀区's annual plan (approved items, one over the per-term limit, one widening the city item, a
 * department's item awaiting consultation), its baseline inventory of 31 items cleaned up to 13, and a
 * few recorded visits, two of them flagged. Everything goes through the register's services.
 */
@Component
@Profile("demo")
@Order(20)
class InspectionDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InspectionDemoData.class);

    private final InspectionItems items;
    private final Cleanups cleanups;
    private final Visits visits;
    private final Units units;
    private final UserDetailsService users;
    private final JdbcClient jdbc;
    private final Clock clock;

    InspectionDemoData(InspectionItems items, Cleanups cleanups, Visits visits, Units units, UserDetailsService users, JdbcClient jdbc,
            Clock clock) {
        this.items = items;
        this.cleanups = cleanups;
        this.visits = visits;
        this.units = units;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private AccountPrincipal as(String username) {
        return (AccountPrincipal) users.loadUserByUsername(username);
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (units.findByCode("110108").isEmpty()
                || jdbc.sql("select exists (select 1 from inspection_item)").query(Boolean.class).single()) {
            return;
        }
        var today = LocalDate.now(clock);
        int year = today.getYear();
        var haidian = units.findByCode("110108").orElseThrow();
        var cityAdmin = as("city.admin");
        var reporter = as("haidian.reporter");
        var approver = as("haidian.approver");

        // the city's item, from the municipal health commission, consulted and approved
        var cityDept = as("city.dept");
        var cityItem = items.draft(cityDept, new ItemDraft(year, "全市中小学校卫生与传染病防控专项督导", "《学校卫生工作条例》",
                "检查小学晨午检、因病缺课登记追踪和校园环境卫生落实情况", TargetKind.STAGES, Set.of(SchoolStage.PRIMARY), List.of(),
                "实地查看、查阅资料", "市教委", InspectionCategory.SPECIAL_SUPERVISION, true, null,
                List.of(window(year, 4, 7, 4, 17))));
        cityItem = items.submit(cityDept, cityItem.id(), cityItem.version());
        cityItem = items.consult(cityAdmin, cityItem.id(), cityItem.version(), true, "同意，与市教委春季专项督导联合开展，不另行要求学校报送材料。");
        cityItem = items.compile(cityAdmin, cityItem.id(), cityItem.version());
        cityItem = items.approve(cityAdmin, cityItem.id(), cityItem.version(), "市委办公厅", "京办字〔" + year + "〕5号", today);

        // 海淀区's plan
        var teaching = approve(reporter, approver, draft(year, "海淀区义务教育阶段教学视导", "《北京市中小学教学视导工作办法》",
                "课堂教学、作业设计与课后服务", InspectionCategory.TEACHING_INSPECTION, window(year, 3, 16, 3, 27)), today);
        var safety = approve(reporter, approver, draft(year, "校园安全日常检查", "《中小学幼儿园安全管理办法》",
                "消防设施、校门管理和应急演练", InspectionCategory.ROUTINE_CHECK, window(year, 3, 9, 3, 13), window(year, 5, 11, 5, 15)), today);
        var homework = items.draft(reporter, draft(year, "中小学作业管理专项检查", "《关于进一步减轻义务教育阶段学生作业负担和校外培训负担的意见》",
                "作业总量、作业公示和批改反馈", InspectionCategory.ROUTINE_CHECK, window(year, 6, 1, 6, 5)));
        homework = items.submit(reporter, homework.id(), homework.version());
        items.compile(reporter, homework.id(), homework.version());
        var widening = items.draft(reporter, new ItemDraft(year, "海淀区落实市级卫生防控督导", "市级专项督导通知",
                "全区中小学晨午检和校园环境卫生", TargetKind.ALL_SCHOOLS, Set.of(), List.of(), "实地查看", "区卫健委",
                InspectionCategory.SPECIAL_SUPERVISION, true, cityItem.id(), List.of(window(year, 4, 7, 4, 24))));
        widening = items.submit(reporter, widening.id(), widening.version());
        items.compile(reporter, widening.id(), widening.version());
        var department = as("dept.user");
        var canteen = items.draft(department, draft(year, "学校食堂食品安全检查", "《学校食品安全与营养健康管理规定》",
                "食堂从业人员健康证明、食材采购台账和留样", InspectionCategory.OTHER, window(year, 4, 20, 4, 24)));
        items.submit(department, canteen.id(), canteen.version());
        items.filePlan(approver, haidian.id(), year);

        cleanUp(reporter, approver, haidian, year, today);
        recordVisits(reporter, haidian, teaching, safety, year, today);
        log.info("Demo inspection register created for {}", year);
    }

    private InspectionItem approve(AccountPrincipal reporter, AccountPrincipal approver, ItemDraft draft, LocalDate today) {
        var item = items.draft(reporter, draft);
        item = items.submit(reporter, item.id(), item.version());
        item = items.compile(reporter, item.id(), item.version());
        return items.approve(approver, item.id(), item.version(), "区委办公室、区政府办公室",
                "海办发〔" + draft.year() + "〕" + (item.id() % 90 + 10) + "号", today);
    }

    private static ItemDraft draft(int year, String name, String basis, String content, InspectionCategory category, Window... windows) {
        return new ItemDraft(year, name, basis, content, TargetKind.ALL_SCHOOLS, Set.of(), List.of(), "实地查看、座谈", "", category, false,
                null, List.of(windows));
    }

    private static Window window(int year, int fromMonth, int fromDay, int toMonth, int toDay) {
        return new Window(LocalDate.of(year, fromMonth, fromDay), LocalDate.of(year, toMonth, toDay));
    }

    /** 31 existing items: 13 retained, 6 merged into retained ones, 12 cancelled: 58% fewer. */
    private void cleanUp(AccountPrincipal reporter, AccountPrincipal approver, Unit district, int year, LocalDate today) {
        var names = List.of("教学视导", "校园安全检查", "课后服务评估", "作业管理检查", "体育工作评估", "心理健康教育检查", "食品安全检查",
                "防溺水专项检查", "消防安全检查", "校车安全检查", "法治教育检查", "语言文字工作评估", "学籍管理检查", "师德师风考核", "党建工作考核",
                "绩效考核", "平安校园考核", "文明校园创建", "绿色学校创建", "科技教育评选", "读书活动评比", "卫生检查", "控烟检查", "垃圾分类检查",
                "节能检查", "档案管理检查", "信息化应用评估", "国防教育检查", "禁毒教育检查", "红十字工作检查", "家长学校评估");
        var categories = List.of(InspectionCategory.TEACHING_INSPECTION, InspectionCategory.ROUTINE_CHECK, InspectionCategory.ACCEPTANCE,
                InspectionCategory.ROUTINE_CHECK, InspectionCategory.ACCEPTANCE, InspectionCategory.SPECIAL_SUPERVISION);
        var added = new ArrayList<BaselineItem>();
        for (int i = 0; i < names.size(); i++) {
            var category = i == 14 ? InspectionCategory.PARTY_BUILDING : i == 15 ? InspectionCategory.PERFORMANCE
                    : i == 16 ? InspectionCategory.SAFE_CAMPUS : i >= 17 && i <= 20 ? InspectionCategory.SELECTION
                    : categories.get(i % categories.size());
            added.add(cleanups.add(reporter, district.id(), year, names.get(i), "区级文件", i % 3 == 0 ? "区卫健委" : "区教委", category));
        }
        for (int i = 0; i < added.size(); i++) {
            var item = added.get(i);
            if (i < 13) {
                cleanups.mark(reporter, item.id(), item.version(), BaselineOutcome.RETAINED, null, "");
            }
            else if (i < 19) {
                cleanups.mark(reporter, item.id(), item.version(), BaselineOutcome.MERGED, added.get(i - 13).id(), "内容相近，合并开展");
            }
            else {
                cleanups.mark(reporter, item.id(), item.version(), BaselineOutcome.CANCELLED, null, "不再开展");
            }
        }
        cleanups.approve(approver, district.id(), year, "海教领发〔" + year + "〕3号", today);
    }

    private void recordVisits(AccountPrincipal reporter, Unit district, InspectionItem teaching, InspectionItem safety, int year,
            LocalDate today) {
        var schools = units.children(district.id()).stream().filter(u -> u.type() == UnitType.SCHOOL).toList();
        var zhongguancun = schools.stream().filter(s -> s.name().contains("中关村第一小学")).findFirst().orElseThrow();
        var other = schools.stream().filter(s -> s.id() != zhongguancun.id()).toList();
        var school = as("school.user");
        visits.record(school, new VisitDraft(zhongguancun.id(), teaching.id(), null, day(year, today, 40), day(year, today, 60),
                "区教研员3人", new BigDecimal("6"), false, "听课两节，座谈一次"));
        visits.record(school, new VisitDraft(zhongguancun.id(), teaching.id(), null, day(year, today, 12), day(year, today, 20),
                "区教研员2人", new BigDecimal("4"), false, "同一视导第二次进校"));
        visits.record(reporter, new VisitDraft(other.get(0).id(), null, InspectionCategory.OTHER, day(year, today, 20), day(year, today, 21),
                "街道办2人", new BigDecimal("3"), true, "要求将活动照片和截图上传至工作群"));
        visits.record(reporter, new VisitDraft(other.get(1).id(), safety.id(), null, day(year, today, 30), day(year, today, 65),
                "区教委安全科2人", new BigDecimal("1.5"), false, ""));
    }

    /** {@code daysAgo} days before today, kept within the year so that the year's check sees it. */
    private static LocalDate day(int year, LocalDate today, int daysAgo) {
        var day = today.minusDays(daysAgo);
        return day.getYear() == year ? day : LocalDate.of(year, 1, 1);
    }
}
