package org.jianfu.seal;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of electronic seals ({@code jianfu.seal.*}).
 *
 * @param authorityPassword protects the private keys of the platform's certificate authority and of every seal; set it
 *     in the environment ({@code JIANFU_SEAL_AUTHORITY_PASSWORD}), never in a file in the repository. Without it no seal
 *     can be made or used, and signing off gives no official copy.
 * @param authorityName the common name of the authority's certificate
 * @param sealValidity how long a seal's certificate is valid
 */
@ConfigurationProperties("jianfu.seal")
record SealProperties(String authorityPassword, String authorityName, Period sealValidity) {

    SealProperties {
        if (authorityName == null || authorityName.isBlank()) {
            authorityName = "减负平台电子印章证书签发机构";
        }
        if (sealValidity == null) {
            sealValidity = Period.ofYears(5);
        }
    }

    boolean configured() {
        return authorityPassword != null && !authorityPassword.isEmpty();
    }
}
