package org.jianfu.seal;

import java.security.GeneralSecurityException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signs with a seal's private key stored wrapped in the database, unwrapped in memory for the one signature and never
 * written anywhere else, never sent anywhere.
 */
@Component
class StoredKeySigner implements SealSigner {

    private final JdbcClient jdbc;
    private final SealAuthority authority;

    StoredKeySigner(JdbcClient jdbc, SealAuthority authority) {
        this.jdbc = jdbc;
        this.authority = authority;
    }

    @Override
    public byte[] sign(ElectronicSeal seal, byte[] data) {
        if (seal.state() != ElectronicSeal.State.ACTIVE) {
            throw new IllegalStateException("seal " + seal.id() + " is " + seal.state() + ": it signs nothing");
        }
        var wrapped = jdbc.sql("select private_key from seal_electronic where id = ?").param(seal.id()).query(byte[].class).single();
        try {
            return SealCrypto.sign(SealCrypto.privateKey(SealCrypto.unwrap(authority.loaded().wrappingKey(), wrapped)), data);
        }
        catch (GeneralSecurityException changed) {
            throw new SealUnavailableException("seal.error.key-unreadable", "the private key of seal " + seal.id() + " cannot be opened");
        }
    }
}
