package org.jianfu.unit;

/**
 * A school was created, restaged, disabled or enabled again: published inside the transaction that changed it, so that a
 * module keeping figures per school of a district (the data-collection register's school load) can bring them up to date
 * before it commits. Every such change goes through {@link Units}.
 */
public record SchoolChanged(long schoolId, long districtId) {
}
