package org.jianfu.teacher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The identity number's form (GB 11643-1999): 17 digits and the check character computed from them. */
class IdentityNumberTests {

    @Test
    void aNumberWithItsCheckCharacterIsValidAndOneWithAnotherIsNot() {
        // the standard's own example: 11010519491231002 gives the check character X
        assertThat(IdentityNumber.valid("11010519491231002X")).isTrue();
        assertThat(IdentityNumber.valid("110105194912310020")).isFalse();
        assertThat(IdentityNumber.valid(RosterTestData.identity(7))).isTrue();
    }

    @Test
    void aNumberOfTheWrongLengthOrWithLettersIsInvalid() {
        assertThat(IdentityNumber.valid("110105491231002")).as("the old 15 digits").isFalse();
        assertThat(IdentityNumber.valid("1101051949123100X2")).isFalse();
        assertThat(IdentityNumber.valid("")).isFalse();
    }

    @Test
    void fullWidthDigitsSpacesAndALowerCaseXAreReadAsTheNumber() {
        assertThat(IdentityNumber.normalised("１１０１０５ 19491231002x")).isEqualTo("11010519491231002X");
    }

    @Test
    void onlyTheLastFourCharactersAreShown() {
        assertThat(IdentityNumber.masked(IdentityNumber.tail("11010519491231002X"))).isEqualTo("**************002X");
    }
}
