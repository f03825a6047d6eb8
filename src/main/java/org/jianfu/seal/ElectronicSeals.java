package org.jianfu.seal;

import static org.jianfu.platform.SqlTimestamps.instant;
import static org.jianfu.platform.SqlTimestamps.utc;

import java.security.cert.CertificateEncodingException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.jianfu.unit.Seals;
import org.jianfu.unit.Units;
import org.ofdrw.gm.ses.v1.SES_ESPictrueInfo;
import org.ofdrw.gm.ses.v1.SES_Header;
import org.ofdrw.gm.ses.v4.SES_CertList;
import org.ofdrw.gm.ses.v4.SES_ESPropertyInfo;
import org.ofdrw.gm.ses.v4.SES_SealInfo;
import org.ofdrw.gm.ses.v4.SESeal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Units' electronic seals: made from the unit's seal image once the security admin approves its approver's request (see
 * {@link SealRequests}), one active per unit, replaced by the next or revoked; never deleted.
 */
@Service
public class ElectronicSeals {

    /** The seal picture's size on the page, in millimetres: the 4 cm of a round office seal. */
    static final int PICTURE_MM = 40;
    /** GB/T 38540's seal type for an official seal of a unit (单位公章). */
    private static final int OFFICIAL_SEAL_TYPE = 1;

    private final JdbcClient jdbc;
    private final SealAuthority authority;
    private final Seals images;
    private final Units units;
    private final SealProperties properties;
    private final Clock clock;

    ElectronicSeals(JdbcClient jdbc, SealAuthority authority, Seals images, Units units, SealProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.authority = authority;
        this.images = images;
        this.units = units;
        this.properties = properties;
        this.clock = clock;
    }

    /** The unit's active seal, if it has one. */
    @Transactional(readOnly = true)
    public Optional<ElectronicSeal> active(long unitId) {
        return jdbc.sql("select * from seal_electronic where unit_id = ? and state = 'ACTIVE'").param(unitId).query(this::seal).optional();
    }

    @Transactional(readOnly = true)
    public Optional<ElectronicSeal> find(long id) {
        return jdbc.sql("select * from seal_electronic where id = ?").param(id).query(this::seal).optional();
    }

    /** The seal whose certificate has this serial number (hexadecimal), as a sealed document names it. */
    @Transactional(readOnly = true)
    public Optional<ElectronicSeal> bySerialNumber(String serialNumber) {
        return jdbc.sql("select * from seal_electronic where serial_number = ?").param(serialNumber.toLowerCase(Locale.ROOT))
                .query(this::seal).optional();
    }

    /** Every seal the unit had, newest first. */
    @Transactional(readOnly = true)
    public List<ElectronicSeal> ofUnit(long unitId) {
        return jdbc.sql("select * from seal_electronic where unit_id = ? order by id desc").param(unitId).query(this::seal).list();
    }

    /**
     * Makes the unit's seal from its newest seal image: a new SM2 key pair, a certificate for it naming the unit, and the
     * seal structure signed by the authority; the unit's active seal, if any, becomes replaced. Called once a request is
     * approved (and by the demo data).
     */
    @Transactional
    public ElectronicSeal make(long unitId) {
        var imageId = images.currentSealId(unitId)
                .orElseThrow(() -> new org.jianfu.platform.RuleViolation("seal", "seal.error.no-image"));
        var image = images.find(imageId).orElseThrow();
        var unit = units.get(unitId);
        var ca = authority.loaded();
        var keys = SealCrypto.sm2KeyPair();
        var now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        var until = now.atZone(ZoneOffset.UTC).plus(properties.sealValidity()).toInstant();
        var serial = SealCrypto.serialNumber();
        var subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN").addRDN(BCStyle.O, unit.name())
                .addRDN(BCStyle.SERIALNUMBER, unit.code()).addRDN(BCStyle.CN, unit.name() + "公章").build();
        var issuer = org.bouncycastle.asn1.x500.X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded());
        var certificate = SealCrypto.certificate(issuer, ca.key(), subject, keys.getPublic(), serial, now.minus(1, ChronoUnit.HOURS),
                until, false);
        var esId = UUID.randomUUID().toString().replace("-", "");
        byte[] seal;
        try {
            var certificates = new ASN1EncodableVector(1);
            certificates.add(new DEROctetString(certificate.getEncoded()));
            var property = new SES_ESPropertyInfo()
                    .setType(new ASN1Integer(OFFICIAL_SEAL_TYPE))
                    .setName(new DERUTF8String(unit.name() + "公章"))
                    .setCertListType(SES_ESPropertyInfo.CertListType)
                    .setCertList(SES_CertList.getInstance(SES_ESPropertyInfo.CertListType, new DERSequence(certificates)))
                    .setCreateDate(new ASN1GeneralizedTime(Date.from(now)))
                    .setValidStart(new ASN1GeneralizedTime(Date.from(now)))
                    .setValidEnd(new ASN1GeneralizedTime(Date.from(until)));
            var picture = new SES_ESPictrueInfo()
                    .setType("image/png".equals(image.contentType()) ? "PNG" : "JPG")
                    .setData(image.content())
                    .setWidth(PICTURE_MM)
                    .setHeight(PICTURE_MM);
            var info = new SES_SealInfo()
                    .setHeader(new SES_Header(SES_Header.V4, new DERIA5String("JIANFU")))
                    .setEsID(new DERIA5String(esId))
                    .setProperty(property)
                    .setPicture(picture);
            seal = new SESeal()
                    .seteSealInfo(info)
                    .setCert(ca.certificate())
                    .setSignAlgID(GMObjectIdentifiers.sm2sign_with_sm3)
                    .setSignedValue(SealCrypto.sign(ca.key(), info.getEncoded("DER")))
                    .getEncoded("DER");
        }
        catch (CertificateEncodingException | java.io.IOException e) {
            throw new IllegalStateException("seal of unit " + unitId, e);
        }
        jdbc.sql("update seal_electronic set state = 'REPLACED', ended_at = ? where unit_id = ? and state = 'ACTIVE'")
                .params(utc(now), unitId).update();
        try {
            var id = jdbc.sql("""
                    insert into seal_electronic (unit_id, image_seal_id, es_id, serial_number, certificate, private_key, seal, state, made_at)
                    values (?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?) returning id""")
                    .params(unitId, imageId, esId, serial.toString(16), certificate.getEncoded(),
                            SealCrypto.wrap(ca.wrappingKey(), keys.getPrivate().getEncoded()), seal, utc(now))
                    .query(Long.class).single();
            return find(id).orElseThrow();
        }
        catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Revokes a seal: it signs nothing more, and what it sealed is reported as sealed by a revoked seal. */
    @Transactional
    void revoke(long sealId, String reason) {
        jdbc.sql("update seal_electronic set state = 'REVOKED', ended_at = coalesce(ended_at, ?), revocation_reason = ? where id = ?")
                .params(utc(clock.instant()), reason, sealId).update();
    }

    private ElectronicSeal seal(ResultSet rs, int row) throws SQLException {
        return new ElectronicSeal(rs.getLong("id"), rs.getLong("unit_id"), rs.getLong("image_seal_id"), rs.getString("es_id"),
                rs.getString("serial_number"), SealCrypto.certificate(rs.getBytes("certificate")), rs.getBytes("seal"),
                ElectronicSeal.State.valueOf(rs.getString("state")), instant(rs, "made_at"), instant(rs, "ended_at"),
                rs.getString("revocation_reason"));
    }
}
