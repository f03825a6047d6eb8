-- Every application of an electronic seal: which seal, to what kind of file, the SM3 digest of the signature made and of the
-- whole file as it left the platform. Verification finds a file's signature here and so tells a file changed anywhere (even
-- in bytes the signature format does not protect, such as a zip entry's date) from the one sealed.
create table seal_use (
    id bigserial primary key,
    seal_id bigint not null references seal_electronic (id),
    format varchar(8) not null check (format in ('OFD', 'PDF')),
    signature_sm3 char(64) not null unique,
    file_sm3 char(64) not null,
    applied_at timestamptz not null
);
