package org.jianfu.demo;

import java.nio.charset.StandardCharsets;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.teacher.Roster;
import org.jianfu.teacher.RosterImports;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Demo mode: a teacher roster for 海淀区 and 朝阳区, eight teachers a school, imported by each district's reporter through
 * the import itself (so it is audited like any import), with made-up identity numbers that pass the check character.
 * Runs after {@link DemoData}, once: not when 海淀区 already has teachers.
 */
@Component
@Profile("demo")
@Order(30)
class RosterDemoData implements ApplicationRunner {

    private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱" };
    private static final String[] GIVEN = { "晓明", "丽华", "建国", "静", "伟", "芳", "秀英", "磊", "洋", "婷", "志强", "雪梅" };
    private static final String[] SUBJECTS = { "语文", "数学", "英语", "科学", "体育", "音乐", "美术", "道德与法治" };
    private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

    private final RosterImports imports;
    private final Roster roster;
    private final Units units;
    private final UserDetailsService userDetails;

    RosterDemoData(RosterImports imports, Roster roster, Units units, UserDetailsService userDetails) {
        this.imports = imports;
        this.roster = roster;
        this.units = units;
        this.userDetails = userDetails;
    }

    @Override
    public void run(ApplicationArguments args) {
        var haidian = units.findByCode("110108");
        if (haidian.isEmpty() || roster.count(haidian.get().id()) > 0) {
            return;
        }
        load(haidian.get(), "haidian.reporter", "HD");
        units.findByCode("110105").ifPresent(chaoyang -> load(chaoyang, "chaoyang.reporter", "CY"));
    }

    private void load(Unit district, String reporter, String prefix) {
        var schools = units.children(district.id()).stream().filter(u -> u.type() == UnitType.SCHOOL && u.enabled())
                .sorted(Unit.OFFICIAL_ORDER).toList();
        var csv = new StringBuilder("教师编号,姓名,学校,学段,学科,岗位,身份证号\r\n");
        int n = 0;
        for (var school : schools) {
            for (int i = 0; i < 8; i++, n++) {
                csv.append(String.join(",", prefix + String.format("%05d", n + 1), SURNAMES[n % SURNAMES.length] + GIVEN[(n * 7) % GIVEN.length],
                        school.name(), stage(school), SUBJECTS[n % SUBJECTS.length], i == 0 ? "教研组长" : "专任教师",
                        identity(district.code(), n))).append("\r\n");
            }
        }
        imports.importFile((AccountPrincipal) userDetails.loadUserByUsername(reporter), district.id(), "教师管理信息系统导出.csv",
                csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String stage(Unit school) {
        return school.stage() == null ? "" : switch (school.stage()) {
            case PRIMARY -> "小学";
            case JUNIOR -> "初中";
            case SENIOR -> "高中";
            default -> "";
        };
    }

    /** A made-up number of the district's area code, born 1975–1999, with its GB 11643 check character. */
    private static String identity(String districtCode, int n) {
        var body = String.format("%s%04d%02d%02d%03d", districtCode, 1975 + n % 25, 1 + n % 12, 1 + n % 28, n % 1000);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }
}
