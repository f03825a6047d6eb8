package org.jianfu.exam;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

/**
 * How invigilation falls on an area's teachers and schools: sessions and hours per teacher, sessions per school, and how
 * many teachers carry each number of sessions (the chart). Every teacher of the roster and every school with teachers
 * counts, those who carried nothing as zero.
 *
 * @param teachersBySessions index k: how many teachers carried k sessions
 */
public record AreaSpread(boolean present, Spread teacherSessions, Spread teacherHours, Spread schoolSessions, long[] teachersBySessions) {

    static final AreaSpread NONE = new AreaSpread(false, Spread.NONE, Spread.NONE, Spread.NONE, new long[0]);

    /**
     * @param loads per teacher carrying any: {sessions, hours, school id}
     * @param teachersPerSchool the roster's teachers per school of the area
     */
    static AreaSpread of(Map<Long, double[]> loads, Map<Long, Long> teachersPerSchool) {
        if (loads.isEmpty()) {
            return NONE;
        }
        var population = Math.max(loads.size(), teachersPerSchool.values().stream().mapToLong(Long::longValue).sum());
        var sessions = new ArrayList<Double>();
        var hours = new ArrayList<Double>();
        var perSchool = new HashMap<Long, Double>();
        teachersPerSchool.keySet().forEach(s -> perSchool.put(s, 0.0));
        var max = 0;
        for (var load : loads.values()) {
            sessions.add(load[0]);
            hours.add(load[1]);
            perSchool.merge((long) load[2], load[0], Double::sum);
            max = Math.max(max, (int) load[0]);
        }
        var histogram = new long[max + 1];
        loads.values().forEach(l -> histogram[(int) l[0]]++);
        histogram[0] += population - loads.size();
        for (var i = loads.size(); i < population; i++) {
            sessions.add(0.0);
            hours.add(0.0);
        }
        return new AreaSpread(true, Spread.of(sessions), Spread.of(hours), Spread.of(new ArrayList<>(perSchool.values())), histogram);
    }

    /** The chart's data: sessions carried on the x axis, teachers before and after as two series; the axes' titles. */
    static String chart(AreaSpread before, AreaSpread after, String beforeName, String afterName, String xName, String yName) {
        var length = Math.max(before.teachersBySessions.length, after.teachersBySessions.length);
        var x = new ArrayList<Integer>();
        for (var i = 0; i < length; i++) {
            x.add(i);
        }
        return "{\"xName\":\"" + plain(xName) + "\",\"yName\":\"" + plain(yName) + "\",\"x\":" + x + ",\"series\":[" + series(beforeName, before.teachersBySessions, length) + ","
                + series(afterName, after.teachersBySessions, length) + "]}";
    }

    private static String series(String name, long[] counts, int length) {
        var values = new ArrayList<Long>();
        for (var i = 0; i < length; i++) {
            values.add(i < counts.length ? counts[i] : 0);
        }
        return "{\"name\":\"" + plain(name) + "\",\"values\":" + values + "}";
    }

    /** A label safe inside a JSON string: no backslashes or quotes. */
    private static String plain(String text) {
        return text.replace("\\", "").replace("\"", "");
    }
}
