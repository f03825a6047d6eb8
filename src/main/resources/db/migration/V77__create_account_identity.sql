-- Single sign-on: which account a subject of an identity provider (an OpenID Connect client registration) logs in as.
-- A link is made by a security admin, or at a first login by a verified claim the operator chose; a login at the
-- provider never creates an account.
create table account_identity (
    provider     text        not null check (length(provider) between 1 and 100),
    subject      text        not null check (length(subject) between 1 and 255),
    account_id   bigint      not null references account (id),
    linked_by    text        not null,
    linked_at    timestamptz not null,
    primary key (provider, subject)
);

create index account_identity_account on account_identity (account_id);
