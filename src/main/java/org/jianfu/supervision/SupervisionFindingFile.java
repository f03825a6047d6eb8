package org.jianfu.supervision;

import java.time.Instant;

/** An evidence file: the office's with a finding (no step), or the district's with a progress or closure report. */
public record SupervisionFindingFile(long id, long findingId, Long stepId, String fileName, String contentType, int size, Instant uploadedAt,
        String uploadedBy) {
}
