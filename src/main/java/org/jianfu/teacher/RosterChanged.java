package org.jianfu.teacher;

/**
 * An applied import changed the teachers of a district's schools: published inside the applying transaction, so that a
 * module keeping teacher counts per school can bring them up to date before it commits. Only an import changes teachers,
 * and only those of its own district are counted there: a teacher it moves from another district had left that one.
 */
public record RosterChanged(long districtId) {
}
