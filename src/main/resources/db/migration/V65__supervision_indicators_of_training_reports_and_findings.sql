-- Indicators of the figures that came with the supervision office's own findings (V64) and the reports of trainings imposed
-- without approval (V62): defined once, like the others (V63), so the board counts them per district. Accountability
-- decisions are not an indicator: a district reads its own indicators, and it never reads those (the board shows them to
-- the city's office and admin beside the indicators).
insert into supervision_indicator (code, figure_key, argument, denominator, denominator_argument, factor, direction, threshold,
        requirement_code, position) values
    ('STF-TRAINING-REPORTS',   'staffing.training-reports',     0, 'NONE',     null, 1,   'LOWER_IS_BETTER',  0,    '2021-19', 315),
    ('SUP-FINDINGS',           'supervision.findings',          1, 'NONE',     null, 1,   'LOWER_IS_BETTER',  null, '2021-23', 380),
    ('SUP-RECTIFICATIONS-OPEN', 'supervision.rectifications',   0, 'NONE',     null, 1,   'LOWER_IS_BETTER',  null, '2021-23', 390),
    ('SUP-RECTIFICATIONS-OVERDUE', 'supervision.rectifications', 1, 'NONE',    null, 1,   'LOWER_IS_BETTER',  0,    '2021-23', 400);
