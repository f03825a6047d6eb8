package org.jianfu.survey;

/**
 * A school's link of a wave ({@code /public/survey/{token}}), how many codes were handed out there and how many of them are
 * still unused (a used code's hash is deleted, so the used ones are the difference).
 */
public record SchoolLink(long waveId, long schoolId, String token, int codesIssued, long codesUnused) {

    public long codesUsed() {
        return codesIssued - codesUnused;
    }

    public String path() {
        return "/public/survey/" + token;
    }
}
