-- The security admin (安全管理员), the third separated administrator duty. A system admin creates an account
-- without a role; until a security admin gives it one (and with it the account's scope) it cannot log in.
alter table account drop constraint account_role_check;
alter table account alter column role drop not null;
alter table account add constraint account_role_check check (role is null or role in ('CITY_ADMIN', 'DISTRICT_REPORTER',
    'DISTRICT_APPROVER', 'DEPARTMENT_USER', 'SCHOOL_USER', 'SUPERVISOR', 'SYSTEM_ADMIN', 'AUDIT_ADMIN', 'SECURITY_ADMIN'));
