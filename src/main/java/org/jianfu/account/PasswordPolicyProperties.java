package org.jianfu.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The password rule, configurable per deployment.
 *
 * @param minLength the fewest characters a password may have
 * @param minCharacterClasses how many of upper case, lower case, digit and symbol must appear
 */
@ConfigurationProperties("jianfu.password")
record PasswordPolicyProperties(@DefaultValue("10") int minLength, @DefaultValue("3") int minCharacterClasses) {
}
