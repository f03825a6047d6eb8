-- Electronic seals (GB/T 38540, SM2/SM3): the platform's own certificate authority, each unit's seals made from its seal
-- image with a key pair and a certificate the authority issues, and the requests to make or revoke one, which the unit's
-- approver files and the security admin decides. Private keys are stored wrapped (AES-256-GCM) under a key derived from
-- the authority password of the environment; nothing here can sign without it. Nothing is deleted: a replaced or revoked
-- seal stays, so that documents sealed with it can still be verified and told apart.

create table seal_authority (
    id smallint primary key check (id = 1),
    certificate bytea not null,
    private_key bytea not null,
    key_salt bytea not null,
    created_at timestamptz not null
);

create table seal_electronic (
    id bigserial primary key,
    unit_id bigint not null references unit (id),
    image_seal_id bigint not null references unit_seal (id),
    es_id varchar(64) not null unique,
    serial_number varchar(64) not null unique,
    certificate bytea not null,
    private_key bytea not null,
    seal bytea not null,
    state varchar(16) not null check (state in ('ACTIVE', 'REPLACED', 'REVOKED')),
    made_at timestamptz not null,
    ended_at timestamptz,
    revocation_reason text
);
create unique index seal_electronic_one_active on seal_electronic (unit_id) where state = 'ACTIVE';

create table seal_request (
    id bigserial primary key,
    unit_id bigint not null references unit (id),
    kind varchar(16) not null check (kind in ('MAKE', 'REVOKE')),
    seal_id bigint references seal_electronic (id),
    reason text,
    requested_by varchar(64) not null,
    requested_at timestamptz not null,
    decision varchar(16) check (decision in ('APPROVED', 'REFUSED')),
    decided_by varchar(64),
    decided_at timestamptz,
    refusal_reason text,
    made_seal_id bigint references seal_electronic (id),
    check ((kind = 'REVOKE') = (seal_id is not null)),
    check ((decision is null) = (decided_by is null))
);
-- One open request per unit at a time: the security admin decides on what the approver asked, not on a queue of changes.
create unique index seal_request_one_open on seal_request (unit_id) where decision is null;

-- The official copy of a signed-off ledger: the sealed OFD and the PDF signed with the same seal. A ledger returned after
-- sign-off keeps its copy, marked superseded; signing off again seals a new one.
create table document_official_copy (
    id bigserial primary key,
    ledger_id bigint not null references ledger (id),
    seal_id bigint not null references seal_electronic (id),
    ofd bytea not null,
    pdf bytea not null,
    ofd_sm3 char(64) not null unique,
    pdf_sm3 char(64) not null unique,
    verification_code varchar(32) not null unique,
    sealed_at timestamptz not null,
    sealed_by varchar(64) not null,
    superseded_at timestamptz
);
create unique index document_official_copy_one_current on document_official_copy (ledger_id) where superseded_at is null;
