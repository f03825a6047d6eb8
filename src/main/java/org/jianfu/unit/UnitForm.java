package org.jianfu.unit;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
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
        Integer version,
        @DecimalMin(value = "-90", message = "{unit.error.coordinates-range}") @DecimalMax(value = "90", message = "{unit.error.coordinates-range}") BigDecimal latitude,
        @DecimalMin(value = "-180", message = "{unit.error.coordinates-range}") @DecimalMax(value = "180", message = "{unit.error.coordinates-range}") BigDecimal longitude) {

    static UnitForm blank(Long parentId, UnitType type) {
        return new UnitForm(parentId, type, "", "", null, true, 0, null, null);
    }

    static UnitForm of(Unit unit, Coordinates at) {
        return new UnitForm(unit.parentId(), unit.type(), unit.name(), unit.code(), unit.stage(), unit.enabled(), unit.version(),
                at == null ? null : BigDecimal.valueOf(at.latitude()), at == null ? null : BigDecimal.valueOf(at.longitude()));
    }

    /** Whether one coordinate is given without the other. */
    boolean halfPlaced() {
        return (latitude == null) != (longitude == null);
    }
}
