package org.jianfu.unit;

import java.util.Set;

/** The kinds of unit in the hierarchy, and which kind may hang below which. */
public enum UnitType {
    CITY,
    DISTRICT,
    SCHOOL,
    DEPARTMENT;

    /** The unit types a unit of this type may be created under. */
    public Set<UnitType> allowedParents() {
        return switch (this) {
            case CITY -> Set.of();
            case DISTRICT -> Set.of(CITY);
            case SCHOOL -> Set.of(DISTRICT);
            case DEPARTMENT -> Set.of(CITY, DISTRICT);
        };
    }

    public String messageKey() {
        return "unit.type." + name();
    }
}
