package org.jianfu.unit;

import org.jianfu.platform.HalfWidth;

/**
 * Another name a unit goes by, such as 海淀区教委 for 海淀区教育委员会.
 *
 * @param generated derived from the unit's name by the database and renamed with it; otherwise added by a system admin
 */
record UnitAlias(long id, long unitId, String alias, boolean generated) {

    /**
     * A name as compared with others: without white space, full-width letters and digits as ASCII, so that
     * 海淀区 教委 and ＡＢＣ are 海淀区教委 and ABC.
     */
    static String comparable(String name) {
        return HalfWidth.of(name).replaceAll("\\s", "");
    }
}
