package org.jianfu.inspection;

/** Whose annual plan an item is in: the city commission's or a district commission's. */
public enum InspectionLevel {
    CITY,
    DISTRICT;

    public String messageKey() {
        return "inspection.level." + name();
    }
}
