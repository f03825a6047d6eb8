-- The exam-duty spread (issue 22) is computed now: the share of a district's invigilation sessions in the year carried by
-- its busiest tenth of teachers (exam.spread, argument 0, a percentage), from the exam office's imported assignments where
-- there are any, else from the accepted allocation. Past 40 % the district is marked, as the exam register's own
-- concentration limit (exam_settings) alerts on the ledger.
insert into supervision_indicator (code, figure_key, argument, denominator, denominator_argument, factor, direction, threshold,
        requirement_code, position) values
    ('EXM-SPREAD', 'exam.spread', 0, 'NONE', null, 1, 'LOWER_IS_BETTER', 40, '2021-09', 245);
