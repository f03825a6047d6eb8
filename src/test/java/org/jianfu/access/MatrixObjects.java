package org.jianfu.access;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.collection.CollectionForm;
import org.jianfu.collection.CollectionKind;
import org.jianfu.collection.CollectionRegister;
import org.jianfu.collection.Frequency;
import org.jianfu.collection.Respondent;
import org.jianfu.inspection.Cleanups;
import org.jianfu.inspection.InspectionCategory;
import org.jianfu.inspection.InspectionItems;
import org.jianfu.inspection.ItemDraft;
import org.jianfu.inspection.RuleKind;
import org.jianfu.inspection.RulePeriod;
import org.jianfu.inspection.RuleSets;
import org.jianfu.inspection.TargetKind;
import org.jianfu.inspection.VisitDraft;
import org.jianfu.inspection.Visits;
import org.jianfu.inspection.Window;
import org.jianfu.ledger.LedgerEvidence;
import org.jianfu.ledger.Ledgers;
import org.jianfu.ledger.Templates;
import org.jianfu.teacher.RosterImports;
import org.jianfu.staffing.Purpose;
import org.jianfu.staffing.AidDispatches;
import org.jianfu.staffing.AidTaskDraft;
import org.jianfu.staffing.AttendanceImports;
import org.jianfu.staffing.SecondmentDraft;
import org.jianfu.staffing.Secondments;
import org.jianfu.staffing.TrainingDraft;
import org.jianfu.staffing.TrainingKind;
import org.jianfu.staffing.TrainingMode;
import org.jianfu.staffing.Trainings;
import org.jianfu.test.Fixtures;
import org.jianfu.unit.SchoolStage;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.jianfu.whitelist.ActivityForm;
import org.jianfu.whitelist.ApplicationForm;
import org.jianfu.whitelist.Category;
import org.jianfu.whitelist.Report;
import org.jianfu.whitelist.ReportForm;
import org.jianfu.whitelist.Reports;
import org.jianfu.whitelist.Whitelist;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * The objects the access matrix points its URLs at, one set in 海淀区 (where the actors work) and one in
 * 朝阳区 (another district), each made through the application's services by people of that district.
 * Years far from the demo's keep the matrix's plans and cleanups apart from every other test's.
 */
@Component
class MatrixObjects {

    /** The year of the matrix's plans, cleanups and rule set: no other test or demo data uses it. */
    static final int YEAR = 2031;

    final Units units;
    final Fixtures fixtures;
    final UserDetailsService users;
    final JdbcClient jdbc;
    final Ledgers ledgers;
    final LedgerEvidence ledgerEvidence;
    final Templates templates;
    final InspectionItems items;
    final Cleanups cleanups;
    final RuleSets ruleSets;
    final Visits visits;
    final Whitelist whitelist;
    final Reports reports;
    final CollectionRegister register;
    final RosterImports rosterImports;
    final Secondments secondments;
    final AidDispatches dispatches;
    final Trainings trainings;
    final AttendanceImports attendance;

    MatrixObjects(Units units, Fixtures fixtures, UserDetailsService users, JdbcClient jdbc, Ledgers ledgers,
            LedgerEvidence ledgerEvidence, Templates templates, InspectionItems items, Cleanups cleanups, RuleSets ruleSets,
            Visits visits, Whitelist whitelist, Reports reports, CollectionRegister register, RosterImports rosterImports,
            Secondments secondments, AidDispatches dispatches, Trainings trainings, AttendanceImports attendance) {
        this.units = units;
        this.fixtures = fixtures;
        this.users = users;
        this.jdbc = jdbc;
        this.ledgers = ledgers;
        this.ledgerEvidence = ledgerEvidence;
        this.templates = templates;
        this.items = items;
        this.cleanups = cleanups;
        this.ruleSets = ruleSets;
        this.visits = visits;
        this.whitelist = whitelist;
        this.reports = reports;
        this.register = register;
        this.rosterImports = rosterImports;
        this.secondments = secondments;
        this.dispatches = dispatches;
        this.trainings = trainings;
        this.attendance = attendance;
    }

    AccountPrincipal as(String username) {
        return (AccountPrincipal) users.loadUserByUsername(username);
    }

    AccountPrincipal person(Role role, Unit unit) {
        return as(fixtures.account(role, unit));
    }

    /** What belongs to every unit: the matrix's open round of the shipped template, a rule set, a published code. */
    record Shared(long round, long template, long requirement, long keyTask, long ruleSet, String publicCode, long dictionaryField) {
    }

    /** What belongs to one district: its units, people's work and files. */
    record District(Unit district, Unit school, Unit department, long ledger, long evidence, long seal, long account, long item,
            long baselineItem, long application, long report, long collection, long collectionField, long issuedCollection,
            AccountPrincipal reporter, long teacher, long rosterImport, long secondment, long aidTask, long aidDispatch, long training,
            long attendanceImport) {
    }

    Shared shared() {
        var template = jdbc.sql("select id from ledger_template where year = 2021").query(Long.class).single();
        var round = ledgers.openRound(as("city.admin"), template, 2026, "访问矩阵测试台账", LocalDate.of(2026, 6, 30),
                List.of(fixtures.haidian().id(), fixtures.chaoyang().id())).id();
        var requirement = jdbc.sql("select id from template_requirement where template_id = ? and number = 1").param(template)
                .query(Long.class).single();
        var keyTask = jdbc.sql("select key_task_id from template_requirement where id = ?").param(requirement).query(Long.class).single();
        var ruleSet = ruleSets.create(as("city.admin"), "访问矩阵测试规则", "测试", 2090, 2090);
        var publicCode = jdbc.sql("select verification_code from whitelist_application where verification_code is not null order by id limit 1")
                .query(String.class).single();
        var dictionaryField = jdbc.sql("select id from collection_dictionary_field where code = 'T.NAME'").query(Long.class).single();
        return new Shared(round, template, requirement, keyTask, ruleSet, publicCode, dictionaryField);
    }

    /** A rule of the matrix's rule set, made afresh for a request that deletes one. */
    long rule(Shared shared) {
        return ruleSets.addRule(as("city.admin"), shared.ruleSet(), RuleKind.FREQUENCY, "2021-05", Set.of(InspectionCategory.OTHER), Set.of(),
                RulePeriod.YEAR, null, 1, null, null, false, "访问矩阵测试");
    }

    /**
     * A district's objects, made by its reporter, a department and a school of that district; its ledger
     * in the matrix's round, and the demo's seal.
     */
    District haidian(Shared shared) {
        return district(shared, fixtures.haidian(), units.get(as("school.user").unitId()), units.get(as("dept.user").unitId()),
                as("haidian.reporter"));
    }

    District chaoyang(Shared shared) {
        var chaoyang = fixtures.chaoyang();
        return district(shared, chaoyang, fixtures.schoolOf(chaoyang),
                units.children(chaoyang.id()).stream().filter(u -> u.type() == UnitType.DEPARTMENT).findFirst().orElseThrow(),
                as("chaoyang.reporter"));
    }

    private District district(Shared shared, Unit district, Unit school, Unit department, AccountPrincipal reporter) {
        var ledger = ledgers.ledgerOf(shared.round(), district.id());
        var seal = jdbc.sql("select id from unit_seal where unit_id = ? order by id desc limit 1").param(district.id()).query(Long.class)
                .single();
        var account = jdbc.sql("select id from account where username = ?").param(fixtures.account(Role.SCHOOL_USER, school))
                .query(Long.class).single();
        var item = items.draft(reporter, new ItemDraft(YEAR, "访问矩阵视导", "《关于进一步减轻中小学教师负担的若干措施》", "查阅资料",
                TargetKind.ALL_SCHOOLS, Set.of(), List.of(), "实地查看", "", InspectionCategory.TEACHING_INSPECTION, false, null,
                List.of(new Window(LocalDate.of(YEAR, 5, 11), LocalDate.of(YEAR, 5, 13))))).id();
        var baselineItem = cleanups.add(reporter, district.id(), YEAR, "访问矩阵基线事项", "测试依据", "区教委", InspectionCategory.OTHER).id();
        var applicant = person(Role.DEPARTMENT_USER, department);
        var application = whitelist.apply(applicant, new ApplicationForm("访问矩阵进校园活动", "测试主办单位", Category.PUBLICITY, "测试活动内容",
                Set.of(ActivityForm.LECTURE), "学校报告厅", Set.of(SchoolStage.PRIMARY), null, List.of(), 2026, LocalDate.of(2026, 4, 1),
                LocalDate.of(2026, 4, 30), "每校1次", "测试依据", null, 0, false, false, false, false, 0));
        // returned to the department, so that correcting and resubmitting it is open to someone
        whitelist.review(reporter, application.id(), application.version(), Whitelist.Decision.RETURN, "请补充活动依据");
        var report = reports.fileBySchool(person(Role.SCHOOL_USER, school), new ReportForm(null, null, Report.Kind.UNLISTED, null, null,
                "某单位", "访问矩阵测试：要求填写表格", LocalDate.of(2026, 2, 20))).report().id();
        // a year before the demo's, so that no check of another test counts it
        visits.record(reporter, new VisitDraft(school.id(), null, InspectionCategory.OTHER, LocalDate.of(2025, 6, 20), null, "测试2人",
                BigDecimal.ONE, false, ""));
        // registered by the district's department, waiting to be prepared, with a typed field to map; asking teachers for
        // their names, which the roster holds, so that its pre-filled file exists
        var collection = register.register(applicant, new CollectionForm(null, CollectionKind.FORM, "访问矩阵采集", "测试目的", "测试依据",
                Set.of(), List.of(), Respondent.TEACHERS, List.of(shared.dictionaryField()), "访问矩阵字段", Frequency.ONCE,
                LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 15), 30, 5, false, null, null, 0));
        // arranged by the district's commission and so issued to the school it names, which answers it
        var toIssue = register.register(applicant, new CollectionForm(null, CollectionKind.FORM, "访问矩阵下发采集", "测试目的", "测试依据",
                Set.of(), List.of(school.id()), Respondent.SCHOOLS, List.of(shared.dictionaryField()), "", Frequency.ONCE,
                LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 20), 30, 0, false, null, null, 0));
        toIssue = register.prepare(reporter, toIssue.id(), toIssue.version(), null);
        var issuedCollection = register.decide(person(Role.DISTRICT_APPROVER, district), toIssue.id(), toIssue.version(),
                CollectionRegister.Decision.APPROVE, null, null).id();

        // a teacher of the school in the roster, and a preview of a later file that lists them again, not applied
        var teacherNumber = "MATRIX-" + district.code() + "-" + System.nanoTime();
        var rosterFile = ("教师编号,姓名,学校\r\n" + teacherNumber + ",访问矩阵教师," + school.name() + "\r\n").getBytes(StandardCharsets.UTF_8);
        rosterImports.importFile(reporter, null, "访问矩阵名册.csv", rosterFile);
        var teacher = jdbc.sql("select id from teacher where teacher_number = ?").param(teacherNumber).query(Long.class).single();
        var rosterImport = rosterImports.preview(reporter, null, "访问矩阵名册.csv", rosterFile);
        // a secondment of that teacher, with its consent and approval
        var secondment = secondments.record(reporter, new SecondmentDraft(teacherNumber, "访问矩阵借用单位", null, Purpose.OTHER, "测试事由",
                LocalDate.of(2026, 1, 10), LocalDate.of(2026, 3, 10), "测试同意", LocalDate.of(2026, 1, 5), "测试审批",
                LocalDate.of(2026, 1, 5))).id();
        // an aid task with that teacher sent after the secondment; a non-teaching training of the department waiting for
        // approval; an attendance preview with a problem row, so that applying it changes nothing
        var aidTask = dispatches.setTask(reporter, new AidTaskDraft("XINJIANG", "访问矩阵派往地", 2, LocalDate.of(2026, 4, 1),
                LocalDate.of(2026, 12, 31), null)).id();
        var aidDispatch = dispatches.send(reporter, aidTask, teacherNumber, null, null).id();
        var training = trainings.record(applicant, new TrainingDraft(null, "访问矩阵培训", null, TrainingKind.NON_TEACHING,
                TrainingMode.OFFLINE, BigDecimal.ONE, "测试对象")).id();
        var attendanceImport = attendance.preview(reporter, "访问矩阵学时.csv",
                "教师编号,培训,学时\r\nMATRIX-NOBODY,访问矩阵培训,1\r\n".getBytes(StandardCharsets.UTF_8));
        return new District(district, school, department, ledger, evidence(reporter, ledger, shared), seal, account, item, baselineItem,
                application.id(), report, collection.id(), collection.flaggedFields().get(0).id(), issuedCollection, reporter, teacher,
                rosterImport, secondment, aidTask, aidDispatch, training, attendanceImport);
    }

    /** A piece of evidence on the district's ledger, made afresh for a request that deletes one. */
    long evidence(AccountPrincipal reporter, long ledger, Shared shared) {
        return ledgerEvidence.addEvidence(reporter, ledger, shared.requirement(), "访问矩阵.pdf",
                "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.jianfu.duty.Duties duties;

    private final java.util.Map<Long, Long> dutyOf = new java.util.concurrent.ConcurrentHashMap<>();

    /** A duty of the district's roster teacher, recorded once by its school (the first non-banned type). */
    long duty(District d) {
        return dutyOf.computeIfAbsent(d.district().id(), id -> {
            var number = jdbc.sql("select teacher_number from teacher where id = ?").param(d.teacher()).query(String.class).single();
            var type = duties.types().stream().filter(t -> !t.banned()).findFirst().orElseThrow();
            return duties.record(person(Role.SCHOOL_USER, d.school()), new org.jianfu.duty.Duties.DutyDraft(type.id(), number,
                    java.math.BigDecimal.ONE, LocalDate.of(2026, 3, 1), null)).id();
        });
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.jianfu.seal.ElectronicSeals electronicSeals;

    /** The district's electronic seal in use, made from its seal image when it has none. */
    long electronicSeal(District d) {
        return electronicSeals.active(d.district().id()).orElseGet(() -> electronicSeals.make(d.district().id())).id();
    }

    /** A request of the district waiting for the security admin: its open one, or one to make its seal, filed here. */
    long sealRequest(District d) {
        return jdbc.sql("select id from seal_request where unit_id = ? and decision is null").param(d.district().id()).query(Long.class)
                .optional().orElseGet(() -> jdbc.sql("""
                        insert into seal_request (unit_id, kind, reason, requested_by, requested_at)
                        values (?, 'MAKE', '访问矩阵', 'matrix', now()) returning id""").param(d.district().id()).query(Long.class).single());
    }

    private final java.util.Map<Long, Long> officialCopyOf = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * An official copy of the district's matrix ledger, as signing off would keep it: made with the district's electronic
     * seal (made here from its seal image); its files are stand-ins, as only who may download them is tested here.
     */
    long officialCopy(District d) {
        return officialCopyOf.computeIfAbsent(d.district().id(), id -> {
            var seal = electronicSeals.active(id).orElseGet(() -> electronicSeals.make(id));
            var tag = "matrix-" + id + "-" + System.nanoTime();
            var digest = org.jianfu.seal.Sm3.hex(tag.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return jdbc.sql("""
                    insert into document_official_copy (ledger_id, seal_id, ofd, pdf, ofd_sm3, pdf_sm3, verification_code, sealed_at, sealed_by,
                            unit_name, title, verdict, verified_at, superseded_at)
                    values (?, ?, ?, ?, ?, ?, ?, now(), 'matrix', ?, '访问矩阵台账', 'INTACT', now(), now()) returning id""")
                    .params(d.ledger(), seal.id(), tag.getBytes(java.nio.charset.StandardCharsets.UTF_8), tag.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                            digest, org.jianfu.seal.Sm3.hex((tag + "pdf").getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                            digest.substring(0, 20).toUpperCase(), d.district().name())
                    .query(Long.class).single();
        });
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.jianfu.supervision.SupervisionVisits supervisionVisits;
    @org.springframework.beans.factory.annotation.Autowired
    org.jianfu.supervision.SupervisionFindings supervisionFindings;

    private Long supervisionVisit;
    private final java.util.Map<Long, org.jianfu.supervision.SupervisionFinding> supervisionFindingOf = new java.util.concurrent.ConcurrentHashMap<>();

    /** A supervision visit of both matrix districts, planned once by the city admin (the supervision office). */
    synchronized long supervisionVisit() {
        if (supervisionVisit == null) {
            supervisionVisit = supervisionVisits.plan(as("city.admin"), new org.jianfu.supervision.SupervisionVisits.VisitDraft(
                    org.jianfu.supervision.SupervisionVisit.Kind.SUPERVISION, "访问矩阵督导", List.of(fixtures.haidian().id(), fixtures.chaoyang().id()),
                    "测试范围", LocalDate.of(2026, 2, 10), LocalDate.of(2026, 2, 11), "测试督学")).id();
        }
        return supervisionVisit;
    }

    /** A finding of that visit against the district, with a file, recorded once by the city admin. */
    org.jianfu.supervision.SupervisionFinding supervisionFinding(District d) {
        return supervisionFindingOf.computeIfAbsent(d.district().id(), id -> supervisionFindings.record(as("city.admin"), supervisionVisit(),
                new org.jianfu.supervision.SupervisionFindings.FindingDraft(id, null, "2021-23", null, null, "访问矩阵问题", "", "测试科室", "测试措施",
                        LocalDate.of(2026, 12, 31)),
                List.of(new org.jianfu.supervision.SupervisionFindings.EvidenceUpload("访问矩阵.pdf",
                        "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))));
    }

    long supervisionFile(District d) {
        return jdbc.sql("select min(id) from supervision_evidence_file where finding_id = ?").param(supervisionFinding(d).id()).query(Long.class)
                .single();
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.jianfu.exam.ExamPlans examPlans;

    private final java.util.Map<Long, Long> examPlanOf = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<Long, Long> examProposalOf = new java.util.concurrent.ConcurrentHashMap<>();

    /** An exam plan the district's department filed and its approver arranged, once. */
    long examPlan(District d) {
        return examPlanOf.computeIfAbsent(d.district().id(), id -> {
            var day = LocalDate.of(LocalDate.now().getYear(), 6, 6);
            var plan = examPlans.file(person(Role.DEPARTMENT_USER, d.department()), new org.jianfu.exam.ExamPlans.PlanDraft("访问矩阵考试",
                    "测试组织单位", day, day, 1, 30, 1, ""));
            return examPlans.decide(person(Role.DISTRICT_APPROVER, d.district()), plan.id(), plan.version(),
                    org.jianfu.exam.ExamPlans.Decision.ARRANGE, null).id();
        });
    }

    /** A proposal for the district in the matrix's year, not accepted, written as the allocator would store one. */
    long examProposal(District d) {
        return examProposalOf.computeIfAbsent(d.district().id(), id -> jdbc.sql("""
                insert into exam_proposal (unit_id, year, places, unfilled, teacher_gap, school_gap, millis, created_by, created_at)
                values (?, ?, 0, 0, 0, 0, 0, '访问矩阵', now()) returning id""").params(id, YEAR).query(Long.class).single());
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.jianfu.survey.Surveys surveys;
    @org.springframework.beans.factory.annotation.Autowired
    org.jianfu.evaluation.Evaluations evaluations;
    @org.springframework.beans.factory.annotation.Autowired
    org.jianfu.practice.Practices practices;

    private Long surveyWave;
    private Long publishedCase;
    private final java.util.Map<Long, Long> evaluationSetOf = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<Long, Long> practiceCaseOf = new java.util.concurrent.ConcurrentHashMap<>();

    /** A survey wave of the matrix's year, opened once by the city admin (every school then has its link). */
    synchronized long surveyWave() {
        if (surveyWave == null) {
            var wave = surveys.create(as("city.admin"), "访问矩阵问卷", YEAR);
            surveyWave = surveys.open(as("city.admin"), wave.id(), wave.version()).id();
        }
        return surveyWave;
    }

    /** The link token of the demo school's in that wave. */
    String surveyToken() {
        return jdbc.sql("select token from survey_school where wave_id = ? and school_id = ?").params(surveyWave(), as("school.user").unitId())
                .query(String.class).single();
    }

    long surveyQuestion() {
        return surveys.questions(surveyWave()).get(0).id();
    }

    /** An indicator set of the district, registered once by its reporter. */
    long evaluationSet(District d) {
        return evaluationSetOf.computeIfAbsent(d.district().id(), id -> evaluations.register(d.reporter(),
                new org.jianfu.evaluation.Evaluations.SetDraft(YEAR, "访问矩阵指标体系", List.of(SchoolStage.PRIMARY), "课程建设 50\n师德师风 50")).id());
    }

    /** A "five onlys" phrase made afresh for a request that deletes one. */
    long evaluationPhrase() {
        return jdbc.sql("insert into evaluation_phrase (phrase, only_kind) values (?, 'SCORE') returning id")
                .param("访问矩阵词" + System.nanoTime()).query(Long.class).single();
    }

    /** A good-practice case of the district, written and submitted once by its reporter. */
    long practiceCase(District d) {
        return practiceCaseOf.computeIfAbsent(d.district().id(), id -> {
            var draft = practices.create(d.reporter(), new org.jianfu.practice.Practices.CaseDraft(YEAR, "访问矩阵案例", "摘要", "正文",
                    List.of("2021-24")));
            return practices.submit(d.reporter(), draft.id(), draft.version()).id();
        });
    }

    /** A published case, for the public page. */
    synchronized long publishedCase() {
        if (publishedCase == null) {
            var reporter = as("haidian.reporter");
            var draft = practices.create(reporter, new org.jianfu.practice.Practices.CaseDraft(YEAR, "访问矩阵公开案例", "摘要", "正文",
                    List.of("2021-24")));
            var submitted = practices.submit(reporter, draft.id(), draft.version());
            publishedCase = practices.publish(as("city.admin"), submitted.id(), submitted.version()).id();
        }
        return publishedCase;
    }
}
