package org.jianfu.unit;

/**
 * A unit as a form offers it to be chosen: its name, and its parent's name to tell apart units of the same name
 * (many districts have a 第一小学).
 */
public record UnitChoice(long id, String name, Long parentId, String parentName) {
}
