package org.jianfu.collection;

/**
 * The system that holds a dictionary field and is its authoritative source: teacher data in the municipal teacher
 * management information system (requirement 17 makes it the single source), pupils in the student-status system,
 * schools and this platform's registers here.
 */
public enum SourceSystem {
    TEACHER_SYSTEM,
    STUDENT_SYSTEM,
    PLATFORM;

    public String messageKey() {
        return "collection.source." + name();
    }
}
