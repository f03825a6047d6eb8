package org.jianfu.collection;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A dictionary field as the city admin adds or edits it. */
public record DictionaryForm(
        @NotBlank(message = "{collection.dictionary.error.code-required}")
        @Pattern(regexp = "^[A-Z][A-Z0-9_.-]{1,31}$", message = "{collection.dictionary.error.code-format}") String code,
        @NotBlank(message = "{collection.dictionary.error.name-required}") @Size(max = 50, message = "{collection.error.too-long}") String name,
        @NotBlank(message = "{collection.dictionary.error.definition-required}") @Size(max = 500, message = "{collection.error.too-long}") String definition,
        @NotNull(message = "{collection.dictionary.error.type-required}") ValueType valueType,
        @Size(max = 1000, message = "{collection.error.too-long}") String allowedValues,
        @NotNull(message = "{collection.dictionary.error.source-required}") SourceSystem source,
        int version) {

    static DictionaryForm blank() {
        return new DictionaryForm("", "", "", null, "", null, 0);
    }

    static DictionaryForm of(DictionaryField f) {
        return new DictionaryForm(f.code(), f.name(), f.definition(), f.valueType(), f.allowedValues(), f.source(), f.version());
    }

    String allowedValuesOrNull() {
        return allowedValues == null || allowedValues.isBlank() ? null : allowedValues.strip();
    }
}
