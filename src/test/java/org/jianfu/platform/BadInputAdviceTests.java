package org.jianfu.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

/** The last resort: what the database refuses because of the value sent becomes a 400 page with the reason. */
class BadInputAdviceTests {

    private final BadInputAdvice advice = new BadInputAdvice();

    private static DataIntegrityViolationException refused(String sqlState) {
        return new DataIntegrityViolationException("statement failed", new SQLException("refused", sqlState));
    }

    @Test
    void aValueTooLongForItsColumnOrItsCheckIsABadRequestWithTheReason() {
        var tooLong = advice.refusedByDatabase(refused("22001"));
        assertThat(tooLong.getStatus().value()).isEqualTo(400);
        assertThat(tooLong.getModel()).containsEntry("errorReason", "error.input.too-long").containsEntry("status", 400);
        assertThat(advice.refusedByDatabase(refused("23514")).getModel()).containsEntry("errorReason", "error.input.refused-value");
        assertThat(advice.refusedByDatabase(refused("22021")).getModel()).containsEntry("errorReason", "error.input.nul");
    }

    @Test
    void aRefusalThatIsNotAboutTheValueSentIsLeftAlone() {
        var duplicate = new DuplicateKeyException("duplicate", new SQLException("duplicate", "23505"));
        assertThatThrownBy(() -> advice.refusedByDatabase(duplicate)).isSameAs(duplicate);
    }
}
