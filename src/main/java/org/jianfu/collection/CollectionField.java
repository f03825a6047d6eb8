package org.jianfu.collection;

/**
 * A field a collection asks for: a dictionary field, or a name the requester typed (free text). A free-text field not
 * yet mapped to a dictionary field is flagged for the arranging office.
 *
 * @param dictionaryFieldId the dictionary field, chosen by the requester or mapped by the arranging office
 * @param code the dictionary field's code, when there is one
 * @param name the dictionary field's name, when there is one
 * @param source the system that holds the dictionary field, when there is one
 * @param freeText what the requester typed, for a free-text field
 * @param mappedBy who mapped a free-text field to the dictionary
 */
public record CollectionField(long id, int position, Long dictionaryFieldId, String code, String name, SourceSystem source,
        String freeText, String mappedBy) {

    /** A free-text field the arranging office has not yet mapped to the dictionary. */
    public boolean flagged() {
        return dictionaryFieldId == null;
    }

    /** As the audit trail records it: the code, or the free text, or both once mapped. */
    String label() {
        if (dictionaryFieldId == null) {
            return "\"" + freeText + "\"";
        }
        return freeText == null ? code : "\"" + freeText + "\" = " + code;
    }
}
