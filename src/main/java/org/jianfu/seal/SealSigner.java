package org.jianfu.seal;

/**
 * Signs with a seal's private key. The one implementation here keeps the keys wrapped in the database and uses them in
 * this process ({@link StoredKeySigner}); a hardware key (UKey) or a provincial seal service would implement this instead,
 * and nothing else in the application would change, since nothing else touches a private key.
 */
public interface SealSigner {

    /** The SM3-with-SM2 signature of the data with the seal's private key. */
    byte[] sign(ElectronicSeal seal, byte[] data);
}
