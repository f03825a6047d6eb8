package org.jianfu.document;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;

import org.jianfu.platform.RuleViolation;
import org.jianfu.platform.UploadPurpose;
import org.jianfu.platform.Uploads;
import org.jianfu.seal.SealAuthority;
import org.jianfu.seal.SealVerdict;
import org.jianfu.seal.SealVerification;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The public verification of sealed files, open without login: anyone given an official copy (OFD or PDF) checks here who
 * sealed it, when, with which certificate, and whether a byte changed since; or looks up the verification code printed on
 * a Word or Excel file. The authority's certificate is published, so that the check can be repeated elsewhere offline.
 * The uploaded file passes the upload door first and is not stored.
 */
@Controller
class SealVerificationController {

    private final SealVerification verification;
    private final SealAuthority authority;
    private final OfficialCopies copies;

    SealVerificationController(SealVerification verification, SealAuthority authority, OfficialCopies copies) {
        this.verification = verification;
        this.authority = authority;
        this.copies = copies;
    }

    @GetMapping("/public/seal-verification")
    String form(@RequestParam(required = false) String code, Model model) {
        addAuthority(model);
        if (code != null && !code.isBlank()) {
            model.addAttribute("code", code.strip());
            model.addAttribute("issued", copies.issuedByCode(code).orElse(null));
            model.addAttribute("codeLooked", true);
        }
        return "document/seal-verification";
    }

    @PostMapping("/public/seal-verification")
    String verify(@RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
        addAuthority(model);
        if (file == null || file.isEmpty()) {
            model.addAttribute("refusal", "seal.verify.no-file");
            return "document/seal-verification";
        }
        model.addAttribute("fileName", file.getOriginalFilename());
        try {
            var upload = Uploads.accept(UploadPurpose.SEALED_DOCUMENT, file.getBytes());
            SealVerdict verdict = verification.verify(upload.content());
            model.addAttribute("verdict", verdict);
            model.addAttribute("issued", copies.issuedByFile(upload.content()).orElse(null));
        }
        catch (RuleViolation refused) {
            if ("upload.error.corrupt".equals(refused.messageKey())) {
                // a damaged package: for a sealed file, that is a change after sealing
                model.addAttribute("verdict", new SealVerdict(SealVerdict.Outcome.ALTERED, null, null, null, null, null, null));
            }
            else {
                model.addAttribute("refusal", refused.messageKey());
            }
        }
        return "document/seal-verification";
    }

    /** Who issues the seals' certificates, by the name its certificate gives, or nothing before the first seal is made. */
    private void addAuthority(Model model) {
        model.addAttribute("authorityName", authority.certificate().map(SealVerificationController::commonName).orElse(null));
    }

    private static String commonName(java.security.cert.X509Certificate certificate) {
        var name = org.bouncycastle.asn1.x500.X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        var cn = name.getRDNs(org.bouncycastle.asn1.x500.style.BCStyle.CN);
        return cn.length == 0 ? name.toString()
                : org.bouncycastle.asn1.x500.style.IETFUtils.valueToString(cn[0].getFirst().getValue());
    }

    /** The authority's certificate (DER), to check a seal's certificate chain with any tool. */
    @GetMapping("/public/seal-verification/authority.cer")
    ResponseEntity<byte[]> authorityCertificate() throws CertificateEncodingException {
        var certificate = authority.certificate().orElseThrow(() -> new DocumentNotFoundException("seal authority"));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, "application/pkix-cert")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("jianfu-seal-authority.cer").build().toString())
                .body(certificate.getEncoded());
    }
}
