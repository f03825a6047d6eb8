package org.jianfu.api;

import java.util.ArrayList;
import java.util.List;

import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;

/**
 * The districts an API test makes for itself under the city (named API…), disabled when the test is done: other tests count
 * the demo's enabled districts (a new round asks each of them).
 */
final class ApiTestDistricts {

    private final Units units;
    private final List<Unit> made = new ArrayList<>();

    ApiTestDistricts(Units units) {
        this.units = units;
    }

    Unit district(long cityId, String name) {
        var district = units.create(new Units.NewUnit(cityId, UnitType.DISTRICT, name, null, null));
        made.add(district);
        return district;
    }

    void disableAll() {
        for (var district : made) {
            var now = units.get(district.id());
            units.update(now.id(), now.version(), new Units.UnitChange(now.name(), now.code(), now.stage(), false));
        }
        made.clear();
    }
}
