package org.jianfu.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.evaluation.Evaluations;
import org.jianfu.practice.Practices;
import org.jianfu.survey.Answers;
import org.jianfu.survey.SurveyQuestion;
import org.jianfu.survey.SurveyWave;
import org.jianfu.survey.Surveys;
import org.jianfu.unit.SchoolStage;
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
 * Demo mode: the burden survey, the evaluation indicator register and good practice for 海淀区 and 朝阳区, through their
 * own services. Two waves (last year's closed, this year's open) with answers given with the schools' own codes: enough in
 * both districts for results to show (海淀区's teachers report little time on inspections, 朝阳区's much); indicator sets of
 * which one leans to the "five onlys" and applies one list to every stage; a published case of 海淀区 and one of 朝阳区 awaiting
 * review. Runs once: not when a survey wave exists.
 */
@Component
@Profile("demo")
@Order(60)
class SurveyDemoData implements ApplicationRunner {

    private final Surveys surveys;
    private final Answers answers;
    private final Evaluations evaluations;
    private final Practices practices;
    private final Units units;
    private final UserDetailsService userDetails;
    private final Clock clock;

    SurveyDemoData(Surveys surveys, Answers answers, Evaluations evaluations, Practices practices, Units units,
            UserDetailsService userDetails, Clock clock) {
        this.surveys = surveys;
        this.answers = answers;
        this.evaluations = evaluations;
        this.practices = practices;
        this.units = units;
        this.userDetails = userDetails;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        AccountPrincipal city;
        AccountPrincipal haidian;
        AccountPrincipal chaoyang;
        try {
            city = person("city.admin");
            haidian = person("haidian.reporter");
            chaoyang = person("chaoyang.reporter");
        }
        catch (org.springframework.security.core.userdetails.UsernameNotFoundException noDemo) {
            return;
        }
        if (!surveys.waves(city).isEmpty()) {
            return;
        }
        int year = LocalDate.now(clock).getYear();
        var earlier = surveys.create(city, (year - 1) + "年秋季教师负担调查", year - 1);
        earlier = surveys.open(city, earlier.id(), earlier.version());
        answerIn(city, earlier, haidian.unitId(), 14, 1.5, 1);
        answerIn(city, earlier, chaoyang.unitId(), 12, 3.5, 2);
        surveys.close(city, earlier.id(), surveys.wave(city, earlier.id()).version());
        var wave = surveys.create(city, year + "年春季教师负担调查", year);
        wave = surveys.open(city, wave.id(), wave.version());
        answerIn(city, wave, haidian.unitId(), 16, 1.0, 0);
        answerIn(city, wave, chaoyang.unitId(), 12, 3.0, 1);

        evaluations.register(haidian, new Evaluations.SetDraft(year, "海淀区中小学办学质量综合考核", List.of(SchoolStage.values()),
                "中考高考升学率 30\n学科统考成绩排名 20\n课程建设 15\n教师论文数量 10\n德育工作 15\n安全管理 10"));
        evaluations.register(haidian, new Evaluations.SetDraft(year, "海淀区小学素质教育发展评价", List.of(SchoolStage.PRIMARY, SchoolStage.NINE_YEAR),
                "课程建设情况 25\n学生体质健康达标 25\n课后服务质量 25\n家校协同育人 25"));
        evaluations.register(chaoyang, new Evaluations.SetDraft(year, "朝阳区中学发展性评价", List.of(SchoolStage.JUNIOR, SchoolStage.SENIOR),
                "学生综合素质评价 30\n教师专业发展 25\n课堂教学改革 25\n学校治理 20"));

        var published = practices.create(haidian, new Practices.CaseDraft(year, "海淀区“一表通”：一次采集多次使用",
                "区教委统一数据口径，学校报表数量减少六成。",
                "海淀区教委梳理各科室向学校布置的报表，统一字段，依托教师管理信息系统预填数据。\n学校只需核对更正，不再重复填报。实施一学期后，学校收到的报表由每月约30份降至12份。",
                List.of("2021-14", "2021-16", "2021-24")));
        published = practices.submit(haidian, published.id(), published.version());
        practices.publish(city, published.id(), published.version());
        var pending = practices.create(chaoyang, new Practices.CaseDraft(year, "朝阳区督查检查“进一次门、查多项事”",
                "合并同类检查，一次入校完成多项检查。", "朝阳区将同一学期内内容相近的检查合并为联合检查，由区教委统一安排入校时间。",
                List.of("2021-03", "2021-05", "2021-24")));
        practices.submit(chaoyang, pending.id(), pending.version());
    }

    /** Answers at the district's schools with codes each school hands out: n in all, spread over the schools. */
    private void answerIn(AccountPrincipal city, SurveyWave wave, long districtId, int n, double inspectionHours, int seed) {
        var schools = units.children(districtId).stream().filter(u -> u.type() == UnitType.SCHOOL && u.enabled())
                .sorted(Unit.OFFICIAL_ORDER).toList();
        var questions = surveys.questions(wave.id());
        for (int i = 0; i < n; i++) {
            var school = schools.get(i % Math.min(3, schools.size()));
            var code = surveys.issueCodes(city, wave.id(), school.id(), 1).get(0);
            var token = surveys.link(city, wave.id(), school.id()).token();
            var typed = new HashMap<String, String>();
            for (var q : questions) {
                var value = value(q, school, i + seed, inspectionHours);
                if (value != null) {
                    typed.put("q" + q.id(), value);
                }
            }
            answers.submit(token, code, typed);
        }
    }

    private static String value(SurveyQuestion q, Unit school, int i, double inspectionHours) {
        return switch (q.kind()) {
            case STAGE -> switch (school.stage()) {
                case PRIMARY, NINE_YEAR -> "PRIMARY";
                case JUNIOR -> "JUNIOR";
                default -> i % 2 == 0 ? "JUNIOR" : "SENIOR";
            };
            case SCALE -> Integer.toString(Math.min(5, 2 + (i % 3) + (inspectionHours > 2 ? 1 : 0)));
            case TEXT -> i % 4 == 0 ? COMMENTS.get((i / 4) % COMMENTS.size()) : null;
            case HOURS -> {
                var hours = switch (q.code()) {
                    case "TEACHING" -> 14 + i % 5;
                    case "PREPARATION" -> 7 + i % 3;
                    case "MARKING" -> 5 + i % 4;
                    case "GUIDANCE" -> 3 + i % 2;
                    case "ADMINISTRATION" -> 3 + (i % 3) * 0.5;
                    case "INSPECTION" -> inspectionHours + (i % 3 - 1) * 0.5;
                    case "COLLECTION" -> i % 5 == 4 ? 0 : 2 + i % 2;
                    case "CAMPUS_ENTRY" -> i % 3 == 0 ? 1.5 : 0;
                    case "TRAINING" -> i % 2 == 0 ? 1.5 : 0;
                    case "SECONDMENT_DUTY" -> i % 4 == 0 ? 2 : 0;
                    default -> 0;
                };
                yield Double.toString(Math.max(0, hours));
            }
        };
    }

    private static final List<String> COMMENTS = List.of("迎检材料准备占用了大量备课时间。", "希望报表能够一次采集、多次使用。",
            "各类进校园活动太多，挤占了课时。", "最近负担有所减轻，希望继续保持。");

    private AccountPrincipal person(String username) {
        return (AccountPrincipal) userDetails.loadUserByUsername(username);
    }
}
