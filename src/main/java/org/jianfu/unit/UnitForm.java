package org.jianfu.unit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The unit form, for creating (type and parent set) and editing (type and parent fixed). */
record UnitForm(
        Long parentId,
        @NotNull(message = "{unit.error.type-required}") UnitType type,
        @NotBlank(message = "{unit.error.name-required}") @Size(max = 100, message = "{unit.error.name-length}") String name,
        @Pattern(regexp = "^$|^[A-Za-z0-9_-]{1,32}$", message = "{unit.error.code-format}") String code,
        SchoolStage stage,
        boolean enabled,
        Integer version) {

    static UnitForm blank(Long parentId, UnitType type) {
        return new UnitForm(parentId, type, "", "", null, true, 0);
    }

    static UnitForm of(Unit unit) {
        return new UnitForm(unit.parentId(), unit.type(), unit.name(), unit.code(), unit.stage(), unit.enabled(), unit.version());
    }
}
