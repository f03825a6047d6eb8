package org.jianfu.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

    private final PasswordPolicy policy = new PasswordPolicy(new PasswordPolicyProperties(10, 3));

    private java.util.List<String> problems(String password, String username) {
        return policy.check(password, username).stream().map(PasswordPolicy.Problem::messageKey).toList();
    }

    @Test
    void aLongMixedUncommonPasswordIsAccepted() {
        assertThat(problems("Lv7#qz-Kestrel9", "li.jing")).isEmpty();
        assertThat(problems("blue-Harbor-42", "li.jing")).as("lower, upper, digit, symbol: 4 classes").isEmpty();
        assertThat(problems("quiet river 7 Lantern", "li.jing")).as("spaces are allowed").isEmpty();
    }

    @Test
    void aPasswordShorterThanTenCharactersIsRefused() {
        assertThat(problems("Ab1#xyz9", "li.jing")).contains("password.error.too-short");
    }

    @Test
    void aPasswordWithFewerThanThreeCharacterClassesIsRefused() {
        assertThat(problems("abcdefghijkl", "li.jing")).contains("password.error.too-simple");
        assertThat(problems("abcdefgh1234", "li.jing")).contains("password.error.too-simple");
        assertThat(problems("abcdefgh123!", "li.jing")).doesNotContain("password.error.too-simple");
    }

    @Test
    void commonPasswordsAreRefusedEvenWhenTheyPassLengthAndClasses() {
        assertThat(problems("P@ssw0rd123", "li.jing")).containsExactly("password.error.common");
        assertThat(problems("1qaz@WSX3edc", "li.jing")).containsExactly("password.error.common");
        assertThat(problems("Admin@123456", "li.jing")).containsExactly("password.error.common");
        assertThat(problems("aA123456789", "li.jing")).as("matched regardless of case").contains("password.error.common");
    }

    @Test
    void aPasswordOver72BytesIsRefusedCountingAChineseCharacterAsThreeBytes() {
        var ascii72 = "Lv7#qz-Kestrel9-" + "x".repeat(56);
        assertThat(ascii72).hasSize(72);
        assertThat(problems(ascii72, "li.jing")).isEmpty();
        assertThat(problems(ascii72 + "y", "li.jing")).containsExactly("password.error.too-long");
        // 25 characters, far from the length a person would call long, but 15 + 20 × 3 = 75 bytes: bcrypt would drop the end.
        assertThat(problems("Lv7#qz-Kestrel9" + "减负工作平台台账填报审核".repeat(2).substring(0, 20), "li.jing"))
                .containsExactly("password.error.too-long");
    }

    @Test
    void aPasswordContainingTheUsernameIsRefused() {
        assertThat(problems("Xli.jing#2026", "li.jing")).containsExactly("password.error.contains-username");
    }

    @Test
    void theRuleIsConfigurable() {
        var strict = new PasswordPolicy(new PasswordPolicyProperties(14, 4));
        assertThat(strict.check("Lv7#qz-Kestrel9", "x").stream().map(PasswordPolicy.Problem::messageKey)).isEmpty();
        assertThat(strict.check("Lv7qzKestrel99", "x").stream().map(PasswordPolicy.Problem::messageKey))
                .containsExactly("password.error.too-simple");
        assertThat(strict.check("Lv7#qz-Kestr", "x").stream().map(PasswordPolicy.Problem::messageKey))
                .containsExactly("password.error.too-short");
    }

    @Test
    void characterClassesAreCountedAcrossUpperLowerDigitAndSymbol() {
        assertThat(PasswordPolicy.characterClasses("abc")).isEqualTo(1);
        assertThat(PasswordPolicy.characterClasses("aB3")).isEqualTo(3);
        assertThat(PasswordPolicy.characterClasses("aB3#")).isEqualTo(4);
        assertThat(PasswordPolicy.characterClasses("密码Ab1")).as("CJK characters count as symbols").isEqualTo(4);
    }
}
