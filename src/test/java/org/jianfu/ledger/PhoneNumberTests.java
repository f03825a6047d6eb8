package org.jianfu.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumberTests {

    @Test
    void mainlandMobilesAndLandlinesWithAreaCodeAreAccepted() {
        for (var ok : new String[] { "13812345678", "19912345678", "010-62345678", "01062345678", "0755-8765432",
                "010-62345678-801" }) {
            assertThat(Ledgers.PHONE.matcher(ok).matches()).as(ok).isTrue();
        }
    }

    @Test
    void numbersWithoutAreaCodeOrOfTheWrongShapeAreRefused() {
        for (var bad : new String[] { "62345678", "12345678901", "1381234567", "+8613812345678", "010-123", "abc" }) {
            assertThat(Ledgers.PHONE.matcher(bad).matches()).as(bad).isFalse();
        }
    }
}
