package org.jianfu.teacher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jianfu.teacher.RosterTestData.HEADER;
import static org.jianfu.teacher.RosterTestData.csv;
import static org.jianfu.teacher.RosterTestData.identity;
import static org.jianfu.teacher.RosterTestData.line;
import static org.jianfu.teacher.RosterTestData.number;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.jianfu.account.Role;
import org.jianfu.test.JianfuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/** The roster key (jianfu.roster.key-file), kept like the audit key: outside the database, generated owner-only at first start. */
@JianfuIntegrationTest
@Import(RosterTestData.class)
@Transactional
class RosterKeyTests {

    @Autowired JdbcClient jdbc;
    @Autowired RosterImports imports;
    @Autowired RosterTestData data;
    @TempDir Path dir;

    private RosterKey key(Path file) {
        return new RosterKey(new RosterProperties(null, file), jdbc, dir.resolve("postgres"));
    }

    @Test
    void aKeyIsGeneratedOwnerOnlyAtFirstStartAndTheSameNumberHashesAlikeWithItAndDifferentlyWithAnother() throws Exception {
        jdbc.sql("update teacher set id_hash = null").update(); // rolled back: as on a database without hashes yet
        var file = dir.resolve("keys").resolve("roster.key");

        var first = key(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        assertThat(key(file).hash(identity(1))).as("the next start reads the file").isEqualTo(first.hash(identity(1)))
                .matches("[0-9a-f]{64}").isNotEqualTo(first.hash(identity(2)));
        assertThat(key(dir.resolve("other.key")).hash(identity(1))).isNotEqualTo(first.hash(identity(1)));
    }

    @Test
    void aMissingKeyFileIsNotReplacedWhenTheRosterHoldsHashesAndAKeyInsideTheDatabaseDirectoryIsRefused() {
        var school = data.daxingSchools().get(0);
        imports.importFile(data.person(Role.DISTRICT_REPORTER, data.daxing()), null, "名册.csv",
                csv(HEADER, line(number(), "秦十九", school, "", "", "", identity(111))));

        assertThatThrownBy(() -> key(dir.resolve("missing.key"))).hasMessageContaining("restore the key file");
        assertThat(dir.resolve("missing.key")).doesNotExist();
        assertThatThrownBy(() -> key(dir.resolve("postgres").resolve("roster.key"))).hasMessageContaining("inside the database's data directory");
    }
}
