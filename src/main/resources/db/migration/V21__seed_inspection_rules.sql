-- The limits of the 2021 ledger (requirements 2–5 and 7) as the first rule set. Later policies are added
-- as rule sets of their own by a city admin, without a change to the code.
insert into inspection_rule_set (name, source_document, first_year, last_year, created_by_name, created_at)
values ('2021年中小学教师减负工作任务台账', '附件2 2021年中小学教师减负工作任务台账（第2、3、4、5、7条）', 2021, null,
        'system', now());

insert into inspection_rule (rule_set_id, kind, requirement_number, categories, levels, period, period_years, max_count,
                             min_days, similarity, blocking, description)
select s.id, r.kind, r.requirement_number, r.categories::text[], '{}', r.period, r.period_years, r.max_count, r.min_days,
       r.similarity, r.blocking, r.description
from inspection_rule_set s,
     (values
        ('FREQUENCY', 5, '{CREATION,COMPREHENSIVE_SUPERVISION,ACCEPTANCE,SELECTION}', 'YEARS', 3, 1, null, null::numeric, true,
         '创建活动、综合督导、评估验收、评选评价，同一学校原则上3—5年一次'),
        ('FREQUENCY', 5, '{SPECIAL_SUPERVISION,TEACHING_INSPECTION,SUBJECT_INSPECTION}', 'YEAR', null, 1, null, null, true,
         '专项督导、教学视导、学科视导，同一学校每年最多一次'),
        ('FREQUENCY', 5, '{ROUTINE_CHECK}', 'SEMESTER', null, 2, null, null, true,
         '日常检查由每月一次调整为每学期两次'),
        ('FREQUENCY', 5, '{PARTY_BUILDING,PERFORMANCE,SAFE_CAMPUS}', 'YEAR', null, 1, null, null, true,
         '党建、绩效、平安校园考核，每年一次'),
        ('MERGE', 3, '{}', null, null, null, 30, 0.60, false,
         '对象相同且内容相近、或时间间隔不足30天的事项，建议合并或联合开展'),
        ('CONSULTATION', 2, '{}', null, null, null, null, null, true,
         '教育部门以外的部门设置涉及教师的事项，须商同级教育部门'),
        ('ESCALATION', 3, '{}', null, null, null, null, null, true,
         '落实上级事项不得扩大范围、延长时间（层层加码）'),
        ('UNPLANNED_VISIT', 4, '{}', null, null, null, null, null, false,
         '年度计划外的事项一律不得开展'),
        ('OVER_PLANNED_VISIT', 4, '{}', null, null, null, null, null, false,
         '实际开展次数不得超过年度计划'),
        ('PROOF_DEMANDED', 7, '{}', null, null, null, null, null, false,
         '不得以截图、照片、视频等留痕代替工作评价')
     ) as r (kind, requirement_number, categories, period, period_years, max_count, min_days, similarity, blocking, description);

-- School terms from the autumn of 2018 to the spring of 2031: autumn 1 September to 15 January, spring 20 February to 10 July.
insert into inspection_term (name, starts_on, ends_on)
select y || '—' || (y + 1) || '学年第一学期', make_date(y, 9, 1), make_date(y + 1, 1, 15) from generate_series(2018, 2030) y
union all
select (y - 1) || '—' || y || '学年第二学期', make_date(y, 2, 20), make_date(y, 7, 10) from generate_series(2019, 2031) y;
