/**
 * Electronic seals (电子印章, GB/T 38540 with SM2/SM3): the platform's own certificate authority, each unit's seal made
 * from its seal image with an SM2 key pair and a certificate the authority issues, the sealing of OFD documents (GB/T 33190)
 * and the signing of PDFs with it, and the verification of both offline. Private keys never leave {@link
 * org.jianfu.seal.SealSigner}; the rest of the application seals through {@link org.jianfu.seal.OfdSeals} and {@link
 * org.jianfu.seal.PdfSeals} and verifies through {@link org.jianfu.seal.SealVerification}.
 */
package org.jianfu.seal;
