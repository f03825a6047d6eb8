package org.jianfu.unit;

/** Where a school sits: its district and its stage. What checks over many schools need of each, and no more. */
public record SchoolPlace(long id, long districtId, SchoolStage stage) {
}
