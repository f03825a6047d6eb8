package org.jianfu.supervision;

import java.util.Set;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what with supervision visits: the city's supervision office (a supervisor at the city, and the city
 * admin) plans visits, records findings, verifies or reopens rectifications and alone reads and records accountability; a
 * district's commission (its reporter, approver and supervisor) reads the visits covering it and its own findings only, and
 * its reporter reports progress and closure. Outside one's scope a visit, finding or district does not exist (404); a step
 * one's role may not take is forbidden (403).
 */
@Component
class VisitAccess {

    static final Set<Role> OFFICE_ROLES = Set.of(Role.SUPERVISOR, Role.CITY_ADMIN);
    static final Set<Role> DISTRICT_READERS = Set.of(Role.DISTRICT_REPORTER, Role.DISTRICT_APPROVER, Role.SUPERVISOR);

    private final Units units;

    VisitAccess(Units units) {
        this.units = units;
    }

    static void require(boolean allowed, String what) {
        if (!allowed) {
            throw new AccessDeniedException(what);
        }
    }

    /** The city's supervision office: a supervisor or the admin of the city commission. */
    boolean office(AccountPrincipal me) {
        return OFFICE_ROLES.contains(me.role()) && units.get(me.unitId()).type() == UnitType.CITY;
    }

    void requireOffice(AccountPrincipal me) {
        require(office(me), "supervision office's step for " + me.role());
    }

    /** The one district a reader is confined to, or null for the office, which reads every district; others are refused. */
    Long readerDistrict(AccountPrincipal me) {
        if (office(me)) {
            return null;
        }
        require(DISTRICT_READERS.contains(me.role()) && units.get(me.unitId()).type() == UnitType.DISTRICT,
                "supervision visits for " + me.role());
        return me.unitId();
    }

    /** A district the reader may read: its own, or any district of the city for the office; not found otherwise. */
    void readableDistrict(AccountPrincipal me, long districtId) {
        var own = readerDistrict(me);
        if (own != null ? own != districtId : !isDistrict(me, districtId)) {
            throw new VisitNotFoundException("district " + districtId);
        }
    }

    boolean isDistrict(AccountPrincipal me, long districtId) {
        var district = units.byIds(java.util.List.of(districtId)).stream().findFirst();
        return district.isPresent() && district.get().type() == UnitType.DISTRICT && units.isWithin(me.unitId(), districtId);
    }

    /** The district's reporter, who reports its rectifications' progress and closure. */
    void requireReporterOf(AccountPrincipal me, long districtId) {
        readableDistrict(me, districtId);
        require(me.role() == Role.DISTRICT_REPORTER && me.unitId() == districtId, "rectification report for " + me.role());
    }
}
