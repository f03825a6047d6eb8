package org.jianfu.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.collection.CollectionForm;
import org.jianfu.collection.CollectionKind;
import org.jianfu.collection.CollectionRegister;
import org.jianfu.collection.DataCollection;
import org.jianfu.collection.DictionaryField;
import org.jianfu.collection.FieldDictionary;
import org.jianfu.collection.Frequency;
import org.jianfu.collection.Respondent;
import org.jianfu.unit.SchoolStage;
import org.jianfu.unit.Units;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode: this year's data collections of 海淀区 and the city in every state: a health department's form with a field
 * outside the dictionary waiting to be prepared, the commission's own teacher survey waiting for the decision, a
 * questionnaire arranged, a second form merged into it, a knowledge contest refused, and the city's statistics request
 * with its statistics approval arranged. Runs after {@link DemoData}, once: not when the register has collections.
 */
@Component
@Profile("demo")
@Order(30)
class CollectionDemoData implements ApplicationRunner {

    private final CollectionRegister register;
    private final FieldDictionary dictionary;
    private final Units units;
    private final UserDetailsService userDetails;
    private final Clock clock;

    CollectionDemoData(CollectionRegister register, FieldDictionary dictionary, Units units, UserDetailsService userDetails,
            Clock clock) {
        this.register = register;
        this.dictionary = dictionary;
        this.units = units;
        this.userDetails = userDetails;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (units.findByCode("110108").isEmpty() || register.anyRegistered()) {
            return;
        }
        var year = LocalDate.now(clock).getYear();
        var fields = dictionary.inUse().stream().collect(Collectors.toMap(DictionaryField::code, DictionaryField::id));
        var city = principal("city.admin");
        var cityDepartment = principal("city.dept");
        var reporter = principal("haidian.reporter");
        var approver = principal("haidian.approver");
        var department = principal("dept.user");

        register.register(department, form(CollectionKind.FORM, "中小学生视力与体质健康监测情况统计表", "区疾控中心",
                "掌握全区中小学生视力不良率和体质健康状况，制定近视防控措施。", "《综合防控儿童青少年近视实施方案》",
                Set.of(SchoolStage.PRIMARY, SchoolStage.JUNIOR), Respondent.SCHOOLS,
                ids(fields, "S.NAME", "S.CODE", "S.PUPILS", "S.CLASSES"), "视力不良学生人数\n体质测试优良率", Frequency.TERMLY,
                LocalDate.of(year, 4, 1), LocalDate.of(year, 4, 20), 90, 0, true, null, null));

        var survey = register.register(reporter, form(CollectionKind.SURVEY, "中小学教师工作负担情况调研", "教师工作科",
                "了解教师非教学工作负担来源，为减负清单修订提供依据。", "《关于减轻中小学教师负担进一步营造教书育人良好环境的若干意见》",
                Set.of(), Respondent.TEACHERS, ids(fields, "T.SUBJECT", "T.STAGE", "T.WEEKLY_LESSONS"), "教龄（年）", Frequency.ONCE, LocalDate.of(year, 5, 6), LocalDate.of(year, 5, 17), 20, 15, false, null, null));
        survey = register.mapField(reporter, survey.id(), survey.version(), survey.flaggedFields().get(0).id(),
                fields.get("T.TEACHING_YEARS"));
        register.prepare(reporter, survey.id(), survey.version(), "“教龄（年）”即字典中的教龄，由教师管理信息系统提供，不必请教师填写。");

        var questionnaire = register.register(department, form(CollectionKind.QUESTIONNAIRE, "教职工心理健康状况问卷", "区精神卫生中心",
                "了解教职工心理健康状况，安排心理支持服务。", "《健康中国行动——心理健康促进行动》", Set.of(), Respondent.TEACHERS,
                ids(fields, "T.GENDER", "T.STAGE", "T.TEACHING_YEARS"), "", Frequency.YEARLY, LocalDate.of(year, 3, 16),
                LocalDate.of(year, 3, 31), 10, 10, false, null, null));
        var arranged = decide(reporter, approver, questionnaire, CollectionRegister.Decision.APPROVE, null, "匿名填写，不与考核挂钩。");

        var merged = register.register(department, form(CollectionKind.FORM, "教职工健康体检情况登记表", "区疾控中心",
                "统计教职工年度体检和健康状况。", "区卫健委年度工作计划", Set.of(), Respondent.TEACHERS,
                ids(fields, "T.NAME", "T.GENDER", "T.BIRTH_DATE"), "", Frequency.YEARLY, LocalDate.of(year, 3, 20),
                LocalDate.of(year, 4, 10), 30, 5, false, null, null));
        decide(reporter, approver, merged, CollectionRegister.Decision.MERGE, arranged.id(),
                "姓名、性别、出生日期由教师管理信息系统提供，其余内容并入教职工心理健康状况问卷一次采集。");

        var contest = register.register(department, form(CollectionKind.CONTEST, "中小学生健康知识竞赛", "区健康促进中心",
                "普及健康知识。", "《健康北京行动（2020—2030年）》", Set.of(SchoolStage.PRIMARY), Respondent.SCHOOLS, List.of(), "",
                Frequency.ONCE, LocalDate.of(year, 5, 8), LocalDate.of(year, 5, 30), 120, 60, false, null, null));
        decide(reporter, approver, contest, CollectionRegister.Decision.REFUSE, null,
                "与已列入白名单的健康知识讲座内容重复，本学期不再另行组织竞赛。");

        var statistics = register.register(cityDepartment, form(CollectionKind.STATISTICS, "中小学卫生保健基本情况统计", "疾病预防控制处",
                "卫生统计年报所需的学校卫生保健人员和设施数据。", "《全国卫生健康统计调查制度》", Set.of(), Respondent.SCHOOLS,
                ids(fields, "S.NAME", "S.CODE", "S.PUPILS", "S.STAFF"), "", Frequency.YEARLY, LocalDate.of(year, 4, 1),
                LocalDate.of(year, 4, 30), 60, 0, true, "京统函〔" + year + "〕12号", LocalDate.now(clock).minusDays(20)));
        decide(city, city, statistics, CollectionRegister.Decision.APPROVE, null, null);
    }

    private DataCollection decide(AccountPrincipal reporter, AccountPrincipal approver, DataCollection collection,
            CollectionRegister.Decision decision, Long mergeIntoId, String reason) {
        var prepared = register.prepare(reporter, collection.id(), collection.version(), null);
        return register.decide(approver, prepared.id(), prepared.version(), decision, mergeIntoId, reason);
    }

    private static CollectionForm form(CollectionKind kind, String title, String office, String purpose, String basis,
            Set<SchoolStage> stages, Respondent respondent, List<Long> fieldIds, String freeText, Frequency frequency,
            LocalDate opensOn, LocalDate dueOn, int minutesPerSchool, int minutesPerTeacher, boolean compulsory, String approvalNo,
            LocalDate approvedOn) {
        return new CollectionForm(office, kind, title, purpose, basis, stages, List.of(), respondent, fieldIds, freeText, frequency,
                opensOn, dueOn, minutesPerSchool, minutesPerTeacher, compulsory, approvalNo, approvedOn, 0);
    }

    private static List<Long> ids(Map<String, Long> fields, String... codes) {
        return java.util.Arrays.stream(codes).map(fields::get).toList();
    }

    private AccountPrincipal principal(String username) {
        return (AccountPrincipal) userDetails.loadUserByUsername(username);
    }
}
