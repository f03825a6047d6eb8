package org.jianfu.test;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * National-size data for the benchmarks in {@code bench/}, written by set-based SQL ({@code insert … select … from
 * generate_series}) as an import would write them. One class for every benchmark, so that the ledger, inspection
 * and page benchmarks measure the same country. It lives in the test sources because the benchmarks are run as
 * single source files, which on Java 17 cannot share another source file; the test classes are on their class path.
 * A block is 3,000 districts under the city with 200,000 schools spread over them (by default); registers are
 * then generated for a block.
 */
public final class NationalData {

    public static final int DISTRICTS = 3_000;
    public static final int SCHOOLS = 200_000;
    public static final int ITEMS = 50_000;
    public static final int VISITS = 2_000_000;

    /** Stages in the proportions of a real system. */
    private static final String STAGES = "array['PRIMARY','PRIMARY','PRIMARY','JUNIOR','JUNIOR','SENIOR','NINE_YEAR','TWELVE_YEAR']";

    private NationalData() {
    }

    /**
     * One block's units. District n (1-based) has code {@code prefix + n} and id {@code firstDistrict + n - 1}; school j
     * (1-based) has id {@code firstSchool + j - 1} and lies in district {@code firstDistrict + j % districts}.
     */
    public record Block(String prefix, long firstDistrict, int districts, long firstSchool, int schools) {

        public List<Long> districtIds() {
            return java.util.stream.LongStream.range(firstDistrict, firstDistrict + districts).boxed().toList();
        }
    }

    /** The {@code block}-th block of districts and schools under the city (blocks are numbered from 0). */
    public static Block units(JdbcClient jdbc, long cityId, String cityPath, int block, int districts, int schools) {
        var prefix = "N" + block + "-";
        jdbc.sql("""
                insert into unit (parent_id, type, name, code, path, depth, created_at)
                select ?, 'DISTRICT', '全国测试区县' || ? || lpad(g::text, 5, '0'), ? || g, '', 1, now() from generate_series(1, ?) g
                order by g""")
                .params(cityId, prefix, prefix, districts).update();
        jdbc.sql("update unit set path = ? || id || '/' where path = '' and type = 'DISTRICT'").param(cityPath).update();
        var first = jdbc.sql("select min(id) from unit where code = ?").param(prefix + 1).query(Long.class).single();
        jdbc.sql("""
                insert into unit (parent_id, type, name, code, stage, path, depth, created_at)
                select ? + (g % ?), 'SCHOOL', '测试学校' || ? || g, null, (STAGES)[1 + g % 8], '', 2, now()
                from generate_series(1, ?) g order by g""".replace("STAGES", STAGES)).params(first, districts, prefix, schools).update();
        jdbc.sql("update unit u set path = d.path || u.id || '/' from unit d where u.path = '' and u.type = 'SCHOOL' and d.id = u.parent_id")
                .update();
        var firstSchool = jdbc.sql("select min(id) from unit where name = ?").param("测试学校" + prefix + 1).query(Long.class).single();
        var units = new Block(prefix, first, districts, firstSchool, schools);
        schoolGroups(jdbc, units);
        return units;
    }

    /**
     * The data-collection register's schools by district and stage with their teachers (V69), written again for the block
     * as its SchoolGroups would after the units' and the roster's change events, which these straight inserts don't publish.
     */
    static void schoolGroups(JdbcClient jdbc, Block b) {
        jdbc.sql("delete from collection_school_group where district_id between ? and ?")
                .params(b.firstDistrict(), b.firstDistrict() + b.districts() - 1).update();
        jdbc.sql("""
                insert into collection_school_group (district_id, stage, school_ids, teachers, teachers_sorted)
                select s.parent_id, s.stage, array_agg(s.id order by s.id), array_agg(coalesce(t.teachers, 0)::int order by s.id),
                       array_agg(coalesce(t.teachers, 0)::int order by coalesce(t.teachers, 0))
                from unit s
                left join (select school_id, count(*) as teachers from teacher where state = 'ACTIVE' group by school_id) t
                    on t.school_id = s.id
                where s.type = 'SCHOOL' and s.enabled and s.parent_id between ? and ?
                group by s.parent_id, s.stage""").params(b.firstDistrict(), b.firstDistrict() + b.districts() - 1).update();
    }

    /**
     * The inspection register of a block: ~17 items per district with windows and listed schools, and visits spread
     * evenly over the schools and the year (90% under an item of the school's own district, 10% under none, 2%
     * demanding screenshots). Items: mostly approved; categories cycle; 70% all schools, 25% a stage, 5% listed schools.
     */
    public static void inspection(JdbcClient jdbc, Block b, int year, int items, int visits) {
        var categories = new String[] { "CREATION", "COMPREHENSIVE_SUPERVISION", "ACCEPTANCE", "SELECTION", "SPECIAL_SUPERVISION",
                "TEACHING_INSPECTION", "SUBJECT_INSPECTION", "ROUTINE_CHECK", "ROUTINE_CHECK", "ROUTINE_CHECK", "PARTY_BUILDING",
                "PERFORMANCE", "SAFE_CAMPUS", "OTHER", "OTHER" };
        int d = b.districts();
        var firstItem = jdbc.sql("select coalesce(max(id), 0) + 1 from inspection_item").query(Long.class).single();
        jdbc.sql("""
                insert into inspection_item (year, level, plan_unit_id, organizer_unit_id, name, basis, content, target_kind, target_stages,
                    method, category, state, created_by, created_by_name, created_at)
                select ?, 'DISTRICT', ? + (g % ?), ? + (g % ?), '测试事项' || g, '测试依据', '测试内容：查阅资料、实地查看、座谈' || (g % 97),
                       case when g % 20 < 14 then 'ALL_SCHOOLS' when g % 20 < 19 then 'STAGES' else 'LISTED_SCHOOLS' end,
                       case when g % 20 between 14 and 18 then array[(array['PRIMARY','JUNIOR','SENIOR'])[1 + g % 3]] else '{}' end,
                       '实地查看', (?::text[])[1 + g % ?], case when g % 50 = 0 then 'COMPILED' else 'APPROVED' end, 0, 'bench', now()
                from generate_series(1, ?) g order by g""")
                .params(year, b.firstDistrict(), d, b.firstDistrict(), d, categories, categories.length, items).update();
        // one window each, from March; routine checks a second one in the autumn term
        jdbc.sql("""
                insert into inspection_item_window (item_id, position, starts_on, ends_on)
                select i.id, w, case when w = 1 then make_date(?, 3, 1) + (i.id % 100)::int else make_date(?, 9, 7) + (i.id % 90)::int end,
                       case when w = 1 then make_date(?, 3, 1) + (i.id % 100)::int + 4 else make_date(?, 9, 7) + (i.id % 90)::int + 4 end
                from inspection_item i, generate_series(1, 2) w
                where i.id >= ? and (w = 1 or i.category = 'ROUTINE_CHECK')""")
                .params(year, year, year, year, firstItem).update();
        jdbc.sql("""
                insert into inspection_item_school (item_id, school_id)
                select i.id, s.id from inspection_item i
                join lateral (select id from unit where parent_id = i.plan_unit_id and type = 'SCHOOL' order by id limit 3) s on true
                where i.id >= ? and i.target_kind = 'LISTED_SCHOOLS'""").param(firstItem).update();
        // School j is in district first + j % d, and so is item k when k = j (mod d).
        jdbc.sql("""
                insert into inspection_visit (school_id, district_id, item_id, category, visit_date, notified_on, inspectors, teacher_hours,
                    proof_demanded, recorded_by_name, recorded_unit_id, recorded_at)
                select s.id, s.parent_id, case when v.g % 10 = 0 then null else it.id end,
                       case when v.g % 10 = 0 then 'OTHER' else it.category end,
                       make_date(?, 1, 1) + (v.g % 360), make_date(?, 1, 1) + (v.g % 360) - (v.g % 45), '测试', 2, v.g % 50 = 0,
                       'bench', s.parent_id, now()
                from (select g, 1 + (g * 13) % ? as j from generate_series(1, ?) g) v
                join unit s on s.id = ? + v.j - 1
                join inspection_item it on it.id = ? - 1 + case when v.j % ? + ? * (v.g % 16) = 0 then ? * 16 else v.j % ? + ? * (v.g % 16) end""")
                .params(year, year, b.schools(), visits, b.firstSchool(), firstItem, d, d, d, d, d).update();
    }

    /** About 500 characters of varied Chinese prose per ledger entry. */
    public static final String[] PHRASES = { "区教委统筹安排督查检查事项，", "按照年度计划和审批报备制度执行，", "对现有事项进行集中清理，",
            "保留事项实行清单管理，", "合并内容相近的检查，", "联合开展涉及多部门的事项，", "不得层层加码，",
            "严格控制总量和频次，", "减轻教师非教育教学负担，", "建立动态监测机制，", "定期通报落实情况。" };

    /**
     * Fills every entry of a round's ledgers (opened by the application) with a status and ~500 characters, and
     * moves a third of the ledgers to submitted and a third to accepted.
     */
    public static void fillRound(JdbcClient jdbc, long roundId) {
        jdbc.sql("""
                update ledger_entry e set status = (array['IMPLEMENTED','PARTIAL','IN_PROGRESS','NOT_STARTED'])[1 + (e.id % 4)],
                    text = (select string_agg((?::text[])[1 + ((e.id * 7 + g) % 11)], '') from generate_series(1, 45) g),
                    version = 1, updated_at = now(), updated_by = 'bench'
                where e.ledger_id in (select id from ledger where round_id = ?)""")
                .params(PHRASES, roundId).update();
        jdbc.sql("update ledger set started_at = now(), state = (array['DRAFT','SUBMITTED','ACCEPTED'])[1 + (id % 3)], "
                + "submitted_at = case when id % 3 > 0 then now() end where round_id = ?").param(roundId).update();
    }

    /** One department (e.g. a health commission) under each district of the block: the whitelist's applicants. */
    public static void departments(JdbcClient jdbc, Block b) {
        jdbc.sql("""
                insert into unit (parent_id, type, name, code, path, depth, created_at)
                select id, 'DEPARTMENT', name || '卫生健康委员会', null, path, 2, now() from unit
                where id between ? and ? order by id""").params(b.firstDistrict(), b.firstDistrict() + b.districts() - 1).update();
        jdbc.sql("""
                update unit u set path = u.path || u.id || '/' where u.type = 'DEPARTMENT' and u.parent_id between ? and ?
                and u.path not like '%/' || u.id || '/'""").params(b.firstDistrict(), b.firstDistrict() + b.districts() - 1).update();
    }

    /**
     * The data-collection register of a block's year: {@code perDistrict} collections from each district's department,
     * arranged by the district (60% arranged, 10% merged into the district's first arranged one, 10% refused, 10% waiting
     * for the decision, 10% waiting to be prepared), each asking for two dictionary fields, those waiting to be prepared one
     * typed field more.
     */
    public static void collections(JdbcClient jdbc, Block b, int year, int perDistrict) {
        var first = jdbc.sql("select coalesce(max(id), 0) + 1 from collection").query(Long.class).single();
        jdbc.sql("""
                insert into collection (requesting_unit_id, arranging_unit_id, kind, title, purpose, basis, respondent, frequency,
                    opens_on, due_on, minutes_per_school, minutes_per_teacher, compulsory, statistics_approval_no,
                    statistics_approved_on, state, code, decision_reason, submitted_at, submitted_by)
                select dep.id, dep.parent_id, k.kind, '采集' || a.g, '测试目的', '测试依据',
                       -- teachers asked by half of them, and by some of every district's (its numbers all share one parity)
                       case when a.g % 2 = 0 or a.g % 7 = 0 then 'TEACHERS' else 'SCHOOLS' end, 'ONCE',
                       make_date(?, 3, 1) + (a.g % 200), make_date(?, 3, 1) + (a.g % 200) + 14, 30 + a.g % 60, a.g % 20,
                       false, case when k.kind = 'STATISTICS' then '统字' || a.g end,
                       case when k.kind = 'STATISTICS' then make_date(?, 1, 10) end, s.state,
                       -- an arranged collection carries its register code (V57): the block's prefix and the number
                       case when s.state = 'ARRANGED' then rpad(replace(?, '-', ''), 2, 'X') || lpad((a.g % 1000000)::text, 6, '0') end,
                       case when s.state = 'REFUSED' then '与已有采集重复' end, now() - interval '30 days', 'bench'
                from (select g, ? + g % ? as district, (g / ? + g) % 10 as k from generate_series(1, ?) g) a
                join unit dep on dep.parent_id = a.district and dep.type = 'DEPARTMENT'
                cross join lateral (select (array['FORM','MATERIAL','STATISTICS','SURVEY','QUESTIONNAIRE','FORM'])[1 + a.g % 6] as kind) k
                cross join lateral (select case when a.k < 6 then 'ARRANGED' when a.k = 6 then 'REFUSED' when a.k = 7 then 'PREPARED'
                    when a.k = 8 then 'SUBMITTED' else 'ARRANGED' end as state) s
                order by a.g""")
                .params(year, year, year, b.prefix(), b.firstDistrict(), b.districts(), b.districts(), b.districts() * perDistrict).update();
        // a tenth merged into the district's first arranged collection
        jdbc.sql("""
                update collection c set state = 'MERGED', merged_into_id = t.id, code = null
                from (select arranging_unit_id, min(id) as id from collection where id >= ? and state = 'ARRANGED'
                      group by arranging_unit_id) t
                where c.id >= ? and c.arranging_unit_id = t.arranging_unit_id and c.state = 'ARRANGED' and c.id % 10 = 9 and c.id <> t.id""")
                .params(first, first).update();
        jdbc.sql("""
                insert into collection_field (collection_id, position, dictionary_field_id)
                select c.id, p.p, d.id from collection c
                cross join (values (1, 'T.NAME'), (2, 'S.PUPILS')) p(p, code) join collection_dictionary_field d on d.code = p.code
                where c.id >= ?""").param(first).update();
        jdbc.sql("""
                insert into collection_field (collection_id, position, free_text)
                select id, 3, '其他情况' from collection where id >= ? and state = 'SUBMITTED'""").param(first).update();
        jdbc.sql("""
                insert into collection_step (collection_id, step, acted_at, acted_by)
                select id, 'SUBMITTED', submitted_at, 'bench' from collection where id >= ?""").param(first).update();
    }

    /**
     * The campus-entry whitelist of a block's year: {@code perDistrict} applications from each district's department,
     * reviewed by the district (70% listed with a verification code, 15% refused or rejected, 5% returned, 10% waiting),
     * 5% naming three schools; a hosted activity for every other school; {@code reportsPerDistrict} reports of unlisted
     * requests. Codes are {@code W} and seven characters of the codes' alphabet, so the public pages find them.
     */
    public static void whitelist(JdbcClient jdbc, Block b, int year, int perDistrict, int reportsPerDistrict) {
        var firstApplication = jdbc.sql("select coalesce(max(id), 0) + 1 from whitelist_application").query(Long.class).single();
        jdbc.sql("""
                insert into whitelist_application (applicant_unit_id, reviewing_unit_id, level, year, activity_name, lead_unit, category,
                    content, forms, place, scope_stages, starts_on, ends_on, frequency, basis, teacher_tasks, teacher_hours, asks_writing,
                    asks_street_duty, asks_proof_photos, takes_class_time, state, review_reason, reviewed_at, reviewed_by,
                    verification_code, submitted_at, submitted_by)
                select dep.id, dep.parent_id, 'DISTRICT', ?, '进校园活动' || a.g, '测试牵头单位',
                       (array['AID_COOPERATION','EXAM_DUTY','SPECIAL_CAMPAIGN','PUBLICITY','CITY_CREATION','COMMUNITY','OTHER'])[1 + a.g % 7],
                       '活动内容：专题讲座与主题班会，面向学生开展宣传教育' || (a.g % 97),
                       (array['LECTURE','THEME_CLASS_MEETING','EXHIBITION','DRILL,LECTURE','AFTER_SCHOOL','ONLINE','COMPETITION'])[1 + a.g % 7],
                       '学校报告厅', case when a.g % 3 = 0 then '' else (array['PRIMARY','JUNIOR','JUNIOR,PRIMARY'])[1 + a.g % 3] end,
                       make_date(?, 3, 1) + (a.g % 200), make_date(?, 3, 1) + (a.g % 200) + 30, '每学期一次', '测试依据文件', null, a.g % 5,
                       false, false, false, false, s.state,
                       case when s.state in ('REFUSED', 'REJECTED', 'RETURNED') then '不符合进校园事项要求' end,
                       case when s.state <> 'SUBMITTED' then now() end, case when s.state <> 'SUBMITTED' then 'bench' end,
                       case when s.state = 'APPROVED' then 'W' || translate(lpad(a.g::text, 7, '0'), '01', 'XY') end,
                       now() - interval '30 days', 'bench'
                from (select g, ? + g % ? as district, (g / ? + g) % 20 as k from generate_series(1, ?) g) a
                join unit dep on dep.parent_id = a.district and dep.type = 'DEPARTMENT'
                cross join lateral (select case when a.k < 14 then 'APPROVED' when a.k < 16 then 'REFUSED'
                    when a.k = 16 then 'REJECTED' when a.k = 17 then 'RETURNED' else 'SUBMITTED' end as state) s
                order by a.g""")
                .params(year, year, year, b.firstDistrict(), b.districts(), b.districts(), b.districts() * perDistrict).update();
        jdbc.sql("""
                insert into whitelist_application_school (application_id, school_id)
                select a.id, s.id from whitelist_application a
                join lateral (select id from unit where parent_id = a.reviewing_unit_id and type = 'SCHOOL' order by id limit 3) s on true
                where a.id >= ? and a.id % 20 = 7""").param(firstApplication).update();
        // every other school hosted one listed activity of its district
        jdbc.sql("""
                insert into whitelist_hosted (application_id, school_id, hosted_on, recorded_by, recorded_at)
                select a.id, s.id, a.starts_on + (s.id % 20)::int, 'bench', now()
                from unit s
                join lateral (select id, starts_on from whitelist_application where reviewing_unit_id = s.parent_id and state = 'APPROVED'
                              and id >= ? order by id limit 1) a on true
                where s.id between ? and ? and s.id % 2 = 0""")
                .params(firstApplication, b.firstSchool(), b.firstSchool() + b.schools() - 1).update();
        jdbc.sql("""
                insert into whitelist_report (district_id, school_id, kind, banned_demand, requester, description, occurred_on, anonymous,
                    filed_by_unit_id, filed_by, receipt_hash, received_on, state, handling, outcome, handled_on, handled_by)
                select s.parent_id, s.id, case when r.g % 3 = 0 then 'BANNED_DEMAND' else 'UNLISTED' end,
                       case when r.g % 3 = 0 then 'PROOF_PHOTOS' end, '某单位', '要求学校组织学生参加未列入清单的活动' || r.g,
                       make_date(?, 4, 1) + (r.g % 200), r.g % 2 = 0, case when r.g % 2 = 1 then s.id end,
                       case when r.g % 2 = 1 then 'bench' end, encode(sha256(('bench-report-' || r.g)::bytea), 'hex'),
                       make_date(?, 4, 1) + (r.g % 200), (array['RECEIVED','IN_HANDLING','HANDLED'])[1 + r.g % 3],
                       case when r.g % 3 > 0 then '已转交相关部门' end, case when r.g % 3 = 2 then '已责令整改' end,
                       case when r.g % 3 = 2 then make_date(?, 4, 1) + (r.g % 200) + 10 end, case when r.g % 3 = 2 then 'bench' end
                from generate_series(1, ?) r(g) join unit s on s.id = ? + (r.g * 7) % ?""")
                .params(year, year, year, b.districts() * reportsPerDistrict, b.firstSchool(), b.schools()).update();
    }

    /**
     * The inspection cleanup of a block's year: {@code perDistrict} baseline items per district marked retained, merged or
     * cancelled (a fifth left unmarked), and each district's cleanup, two thirds approved and filed.
     */
    public static void cleanups(JdbcClient jdbc, Block b, int year, int perDistrict) {
        var first = jdbc.sql("select coalesce(max(id), 0) + 1 from inspection_baseline_item").query(Long.class).single();
        jdbc.sql("""
                insert into inspection_baseline_item (district_id, year, name, basis, organizer, category, outcome, note, created_at)
                select ? + g % ?, ?, '原有检查事项' || g, '原有依据', '区教委', (array['ROUTINE_CHECK','SPECIAL_SUPERVISION','OTHER'])[1 + g % 3],
                       case when (g / ?) % 5 = 0 then null when (g / ?) % 5 = 4 then 'CANCELLED' else 'RETAINED' end, '', now()
                from generate_series(1, ?) g order by g""")
                .params(b.firstDistrict(), b.districts(), year, b.districts(), b.districts(), b.districts() * perDistrict).update();
        // a few merged into a retained item of the same district
        jdbc.sql("""
                update inspection_baseline_item m set outcome = 'MERGED',
                    merged_into_id = (select min(id) from inspection_baseline_item r where r.district_id = m.district_id and r.year = m.year
                                      and r.outcome = 'RETAINED' and r.id >= ?)
                where m.id >= ? and m.outcome = 'CANCELLED' and m.id % 2 = 0""").params(first, first).update();
        jdbc.sql("""
                insert into inspection_cleanup (district_id, year, approval_document, approved_on, approved_by_name, filed_at, filed_by_name,
                    baseline_count, retained_count)
                select d, ?, case when d % 3 > 0 then '区教育工作领导小组会议纪要' end, case when d % 3 > 0 then make_date(?, 3, 1) end,
                       case when d % 3 > 0 then 'bench' end, case when d % 3 > 0 then now() end, case when d % 3 > 0 then 'bench' end,
                       case when d % 3 > 0 then ? end, case when d % 3 > 0 then ? end
                from generate_series(?::bigint, ?::bigint) d""")
                .params(year, year, perDistrict, perDistrict * 3 / 5, b.firstDistrict(), b.firstDistrict() + b.districts() - 1).update();
    }

    /**
     * The teacher roster of a block: {@code perSchool} teachers in every {@code everyNth} school of each district, each district's
     * written by one applied import of its own. No identity hashes: they need the roster key, and no page shows them.
     */
    public static void roster(JdbcClient jdbc, Block b, int perSchool, int everyNth) {
        jdbc.sql("""
                insert into roster_import (district_id, token, file_name, file_sha256, state, previewed_by, previewed_at, applied_by,
                    applied_at, rows_read, added, updated, unchanged, leaving, problems)
                select d, md5(d::text), '全国测试名册.csv', repeat('0', 64), 'APPLIED', 'bench', now(), 'bench', now(), 0, 0, 0, 0, 0, 0
                from generate_series(?::bigint, ?::bigint) d""").params(b.firstDistrict(), b.firstDistrict() + b.districts() - 1).update();
        jdbc.sql("""
                insert into teacher (teacher_number, name, school_id, district_id, stage, subject, post, import_id, imported_at)
                select 'N' || s.id || '-' || k, '测试教师' || s.id || '-' || k, s.id, s.parent_id, '小学',
                       (array['语文','数学','英语','科学','体育'])[1 + k % 5], '专任教师', i.id, now()
                from unit s join roster_import i on i.district_id = s.parent_id and i.file_name = '全国测试名册.csv'
                cross join generate_series(1, ?) k
                where s.type = 'SCHOOL' and s.id between ? and ? and ((s.id - ?) / ?) % ? = 0""")
                .params(perSchool, b.firstSchool(), b.firstSchool() + b.schools() - 1, b.firstSchool(), b.districts(), everyNth).update();
        schoolGroups(jdbc, b);
    }

    /**
     * One secondment for every {@code everyNth} teacher of the roster, with its consent and approval; every fourth past its
     * planned end and not returned (overdue), every fourth returned, every third drafted into inspections.
     */
    public static void secondments(JdbcClient jdbc, int everyNth) {
        jdbc.sql("""
                insert into staffing_secondment (district_id, school_id, teacher_id, teacher_number, teacher_name, borrower_name, purpose,
                    reason, starts_on, ends_on, consent_document, consent_on, approval_document, approval_on, returned_on, created_at,
                    created_by)
                select t.district_id, t.school_id, t.id, t.teacher_number, t.name, '全国测试借用单位',
                       case when t.id % 3 = 0 then 'INSPECTION' else 'OTHER' end, '全国规模测试事由',
                       current_date - 60, current_date + case when t.id % 4 = 0 then -10 else 60 end,
                       '测试同意', current_date - 61, '测试审批', current_date - 61,
                       case when t.id % 4 = 1 then current_date - 5 end, now(), 'bench'
                from teacher t where t.id % ? = 0""").param(everyNth).update();
    }

    /**
     * School duties at scale: a duty in force for every {@code everyNth} teacher (of the first allowed type; a banned one
     * refused for every fifth of them), their weekly lessons (every third above its stage's standard), and two competitions
     * of the same content in every {@code everyNth} school.
     */
    public static void duties(JdbcClient jdbc, int everyNth) {
        jdbc.sql("""
                insert into duty_assignment (district_id, school_id, teacher_id, teacher_number, teacher_name, duty_type_id, duty_name,
                    hours_per_week, starts_on, ends_on, refused, created_at, created_by)
                select t.district_id, t.school_id, t.id, t.teacher_number, t.name, d.id, d.name, 2 + t.id % 3, current_date - 30,
                       null, d.banned, now(), 'bench'
                from teacher t cross join lateral (select id, name, banned from duty_type
                    where banned = (t.id % (5 * ?) = 0) order by id limit 1) d
                where t.id % ? = 0""").params(everyNth, everyNth).update();
        jdbc.sql("""
                insert into duty_lessons (teacher_id, district_id, school_id, teacher_number, teacher_name, stage, subject, post, lessons,
                    updated_at, updated_by)
                select t.id, t.district_id, t.school_id, t.teacher_number, t.name, t.stage, t.subject, t.post,
                       case when t.id % 3 = 0 then 18 else 12 end, now(), 'bench'
                from teacher t where t.id % ? = 0""").param(everyNth).update();
        jdbc.sql("""
                insert into duty_competition (district_id, school_id, name, organiser, content, held_on, created_at, created_by)
                select u.parent_id, u.id, '全国测试竞赛' || n, '测试教研中心', '全国测试竞赛内容', make_date(extract(year from current_date)::int, 1, n),
                       now(), 'bench'
                from unit u cross join generate_series(1, 2) n where u.type = 'SCHOOL' and u.id % ? = 0""").param(everyNth).update();
    }

    /**
     * The supervision visits: a school-opening check of every district this year with five findings each (every third past
     * its deadline and open, every fourth closed), an evidence file on the first, and accountability on the first finding of
     * every tenth district.
     */
    public static void supervisionVisits(JdbcClient jdbc) {
        jdbc.sql("""
                insert into supervision_visit (kind, title, scope, starts_on, ends_on, team, created_at, created_by)
                select 'OPENING_CHECK', '全国测试督导' || u.id, '全国测试督导范围', current_date - 40, current_date - 39, '测试督学', now(), 'bench'
                from unit u where u.type = 'DISTRICT'""").update();
        jdbc.sql("""
                insert into supervision_visit_district (visit_id, district_id)
                select v.id, u.id from supervision_visit v join unit u on v.title = '全国测试督导' || u.id where u.type = 'DISTRICT'""").update();
        jdbc.sql("""
                insert into supervision_finding (visit_id, district_id, found_on, requirement_code, description, evidence, owner, measure,
                    deadline, state, closed_on, created_at, created_by)
                select d.visit_id, d.district_id, current_date - 40, '2021-' || lpad((n * 4)::text, 2, '0'), '全国测试问题' || n, '',
                       '区教委督导室', '全国测试整改措施',
                       case when n % 3 = 0 then current_date - 5 else current_date + 30 end,
                       case when n % 4 = 0 then 'CLOSED' else 'OPEN' end, case when n % 4 = 0 then current_date - 1 end, now(), 'bench'
                from supervision_visit_district d join supervision_visit v on v.id = d.visit_id and v.created_by = 'bench'
                cross join generate_series(1, 5) n""").update();
        jdbc.sql("""
                insert into supervision_evidence_file (finding_id, file_name, content_type, content, size, uploaded_at, uploaded_by)
                select min(id), '督导记录.pdf', 'application/pdf', '%PDF-1.4 '::bytea, 9, now(), 'bench'
                from supervision_finding where created_by = 'bench' group by district_id""").update();
        jdbc.sql("""
                insert into supervision_accountability (finding_id, district_id, whom, basis, decision, decided_on, created_at, created_by)
                select min(id), district_id, '测试科室', '测试依据', '测试决定', current_date - 2, now(), 'bench'
                from supervision_finding where created_by = 'bench' and district_id % 10 = 0 group by district_id""").update();
    }

    /**
     * The staffing register's plans for every district with teachers: one aid task with every 50th teacher sent, ten
     * trainings of this year's plan (two non-teaching ones waiting for approval), and an applied attendance file giving
     * every second teacher hours of three trainings.
     */
    public static void staffingPlans(JdbcClient jdbc) {
        jdbc.sql("""
                insert into staffing_aid_task (district_id, programme, destination, places, starts_on, ends_on, created_at, created_by)
                select distinct district_id, 'XINJIANG', '全国测试派往地', 100, current_date - 30, current_date + 700, now(), 'bench'
                from teacher""").update();
        jdbc.sql("""
                insert into staffing_aid_dispatch (task_id, district_id, school_id, teacher_id, teacher_number, teacher_name, starts_on,
                    ends_on, created_at, created_by)
                select a.id, t.district_id, t.school_id, t.id, t.teacher_number, t.name, a.starts_on, a.ends_on, now(), 'bench'
                from teacher t join staffing_aid_task a on a.district_id = t.district_id and a.destination = '全国测试派往地' where t.id % 50 = 7""").update();
        jdbc.sql("""
                insert into staffing_training (district_id, year, title, organiser_unit_id, kind, mode, hours, targets, state, created_at,
                    created_by)
                select d.district_id, extract(year from current_date), '全国测试培训' || k, d.district_id,
                       (array['TEACHING_RESEARCH','SUBJECT','INFORMATION_TECHNOLOGY','MENTAL_HEALTH','NON_TEACHING'])[1 + k % 5],
                       'BLENDED', 40, '全体教师', case when k in (4, 9) then 'SUBMITTED' else 'PLANNED' end, now(), 'bench'
                from (select distinct district_id from teacher) d cross join generate_series(0, 9) k""").update();
        jdbc.sql("""
                insert into staffing_attendance_import (district_id, file_name, state, rows_read, problems, previewed_at, previewed_by,
                    applied_at, applied_by)
                select distinct district_id, '全国测试学时.csv', 'APPLIED', 0, 0, now(), 'bench', now(), 'bench' from teacher""").update();
        jdbc.sql("""
                insert into staffing_attendance (training_id, teacher_id, district_id, school_id, year, teacher_number, teacher_name, hours,
                    import_id)
                select tr.id, t.id, t.district_id, t.school_id, tr.year, t.teacher_number, t.name, 10 + t.id % 31, i.id
                from teacher t join staffing_attendance_import i on i.district_id = t.district_id and i.file_name = '全国测试学时.csv'
                join staffing_training tr on tr.district_id = t.district_id and tr.state = 'PLANNED' and tr.title in ('全国测试培训0',
                    '全国测试培训1', '全国测试培训3')
                where t.id % 2 = 0""").update();
    }

    /** {@code perDistrict} notifications to each district's reporters and approvers, and as many to the city's admins. */
    public static void notifications(JdbcClient jdbc, Block b, long cityId, int perDistrict) {
        jdbc.sql("""
                insert into notification (unit_id, roles, kind, subject, source, link, deadline, created_at)
                select ? + g % ?, array['DISTRICT_REPORTER','DISTRICT_APPROVER'],
                       (array['ROUND_OPENED','DEADLINE_APPROACHING','RETURNED','ACCEPTED','CHASED'])[1 + (g / ?) % 5], '全国规模测试', null,
                       '/ledger', current_date + 30, now() - (g % 10000) * interval '1 minute'
                from generate_series(1, ?) g""").params(b.firstDistrict(), b.districts(), b.districts(), b.districts() * perDistrict).update();
        jdbc.sql("""
                insert into notification (unit_id, roles, kind, subject, source, link, deadline, created_at)
                select ?, array['CITY_ADMIN','SUPERVISOR'], 'SIGNED_OFF', '全国规模测试', '全国测试区县' || g, '/ledger', null,
                       now() - g * interval '1 minute'
                from generate_series(1, ?) g""").params(cityId, perDistrict).update();
    }

    /**
     * Accounts as a national deployment holds them: a reporter and an approver for each district, a user for each
     * department and each school, all with the password hash of the account {@code passwordOf}.
     */
    public static void accounts(JdbcClient jdbc, Block b, String passwordOf) {
        jdbc.sql("""
                insert into account (username, display_name, unit_id, role, password_hash, must_change_password, created_at)
                select lower(replace(u.code, '-', '.')) || case r.role when 'DISTRICT_REPORTER' then '.reporter' else '.approver' end,
                       u.name || case r.role when 'DISTRICT_REPORTER' then '填报员' else '审核人' end, u.id, r.role,
                       (select password_hash from account where username = ?), false, now()
                from unit u cross join (values ('DISTRICT_REPORTER'), ('DISTRICT_APPROVER')) r(role)
                where u.id between ? and ? order by u.id""")
                .params(passwordOf, b.firstDistrict(), b.firstDistrict() + b.districts() - 1).update();
        jdbc.sql("""
                insert into account (username, display_name, unit_id, role, password_hash, must_change_password, created_at)
                select case u.type when 'SCHOOL' then 's' else 'd' end || lower(?) || u.id, left(u.name, 40) || '用户', u.id,
                       case u.type when 'SCHOOL' then 'SCHOOL_USER' else 'DEPARTMENT_USER' end,
                       (select password_hash from account where username = ?), false, now()
                from unit u join unit d on d.id = u.parent_id
                where d.id between ? and ? and u.type in ('SCHOOL', 'DEPARTMENT') order by u.id""")
                .params(b.prefix().replace("-", ""), passwordOf, b.firstDistrict(), b.firstDistrict() + b.districts() - 1).update();
    }

    /**
     * {@code rows} audit rows appended to the keyed chain exactly as the application appends them ({@code audit_append}
     * with the key's pads), so that verifying the chain verifies them too; in statements of 1,000, since every append
     * updates the chain's one head row and a longer statement would walk ever longer chains of its versions.
     */
    public static void audit(JdbcClient jdbc, Block b, byte[] innerPad, byte[] outerPad, int rows) {
        for (int done = 0; done < rows; done += 1000) {
            jdbc.sql("""
                    select count(audit_append(now() - (? - g) * interval '1 second', null, 'bench', ? + g % ?, '全国测试区县',
                        (array['ledger.entry-saved','inspection.visit-recorded','whitelist.application-submitted'])[1 + g % 3],
                        'bench', g::text, json_build_object('status', 'NOT_STARTED'), json_build_object('status', 'PARTIAL', 'text',
                        '按照年度计划和审批报备制度执行，对现有事项进行集中清理。'), ?, ?))
                    from generate_series(?, ?) g""")
                    .params(rows, b.firstDistrict(), b.districts(), innerPad, outerPad, done + 1, Math.min(rows, done + 1000))
                    .query(Long.class).single();
        }
    }
}
