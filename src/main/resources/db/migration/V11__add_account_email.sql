-- Optional e-mail address of an account: notifications are also sent there when an SMTP server is configured.
alter table account add column email text check (email is null or (length(email) <= 254 and email like '%_@_%'));
