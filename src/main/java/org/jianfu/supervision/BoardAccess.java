package org.jianfu.supervision;

import java.util.Set;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may see the board: the city admin and the city's supervision office see every district, its indicators and the
 * export, and set thresholds; a district's reporter, approver and supervisor see their own district's page only (another
 * district does not exist for them, 404); schools, departments and the system's and audit's admins not at all (403).
 */
@Component
class BoardAccess {

    static final Set<Role> CITY = Set.of(Role.CITY_ADMIN, Role.SUPERVISOR);
    static final Set<Role> DISTRICT = Set.of(Role.DISTRICT_REPORTER, Role.DISTRICT_APPROVER, Role.SUPERVISOR);

    private final Units units;

    BoardAccess(Units units) {
        this.units = units;
    }

    /** Whether this person sees every district: the city admin or a supervisor at the city. */
    boolean cityWide(AccountPrincipal me) {
        return CITY.contains(me.role()) && units.get(me.unitId()).type() == UnitType.CITY;
    }

    /** Whether this person sees the board at all (the city's whole board, or their own district's page). */
    static boolean sees(AccountPrincipal me) {
        return CITY.contains(me.role()) || DISTRICT.contains(me.role());
    }

    void requireCityWide(AccountPrincipal me) {
        if (!cityWide(me)) {
            throw new AccessDeniedException("the city's board for " + me.role());
        }
    }

    /** The district whose page this person asks for: any for the city, one's own for a district's staff. */
    Unit district(AccountPrincipal me, long districtId) {
        if (!sees(me)) {
            throw new AccessDeniedException("the board for " + me.role());
        }
        var city = cityWide(me);
        if (!city && me.unitId() != districtId) {
            throw new BoardNotFoundException("district " + districtId);
        }
        var district = units.byIds(java.util.List.of(districtId)).stream().findFirst()
                .orElseThrow(() -> new BoardNotFoundException("district " + districtId));
        if (district.type() != UnitType.DISTRICT) {
            throw new BoardNotFoundException("district " + districtId);
        }
        return district;
    }
}
