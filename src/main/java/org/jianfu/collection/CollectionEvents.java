package org.jianfu.collection;

import org.jianfu.audit.AuditableEvent;

/** Past-tense events of the collection register; each is kept in the audit trail. */
final class CollectionEvents {

    private CollectionEvents() {
    }

    record CollectionRegistered(DataCollection.Snapshot after) implements AuditableEvent {
        public String action() { return "collection.registered"; }
        public String objectType() { return "collection"; }
        public String objectId() { return Long.toString(after.id()); }
        public Object before() { return null; }
    }

    record CollectionEdited(DataCollection.Snapshot before, DataCollection.Snapshot after) implements AuditableEvent {
        public String action() { return "collection.edited"; }
        public String objectType() { return "collection"; }
        public String objectId() { return Long.toString(after.id()); }
    }

    /** A free-text field mapped to a dictionary field by the arranging office. */
    record FieldMapped(DataCollection.Snapshot before, DataCollection.Snapshot after) implements AuditableEvent {
        public String action() { return "collection.field-mapped"; }
        public String objectType() { return "collection"; }
        public String objectId() { return Long.toString(after.id()); }
    }

    record CollectionPrepared(DataCollection.Snapshot before, DataCollection.Snapshot after) implements AuditableEvent {
        public String action() { return "collection.prepared"; }
        public String objectType() { return "collection"; }
        public String objectId() { return Long.toString(after.id()); }
    }

    /** Arranged, merged into another or refused: the state after says which. */
    record CollectionDecided(DataCollection.Snapshot before, DataCollection.Snapshot after) implements AuditableEvent {
        public String action() { return "collection.decided"; }
        public String objectType() { return "collection"; }
        public String objectId() { return Long.toString(after.id()); }
    }

    record DictionaryFieldAdded(DictionaryField.Snapshot after) implements AuditableEvent {
        public String action() { return "collection.dictionary-field-added"; }
        public String objectType() { return "collection-dictionary-field"; }
        public String objectId() { return Long.toString(after.id()); }
        public Object before() { return null; }
    }

    /** Edited, retired or put back into use: before and after say which. */
    record DictionaryFieldChanged(DictionaryField.Snapshot before, DictionaryField.Snapshot after) implements AuditableEvent {
        public String action() { return "collection.dictionary-field-changed"; }
        public String objectType() { return "collection-dictionary-field"; }
        public String objectId() { return Long.toString(after.id()); }
    }

    record SettingsChanged(CollectionSettings.Snapshot before, CollectionSettings.Snapshot after) implements AuditableEvent {
        public String action() { return "collection.settings-changed"; }
        public String objectType() { return "collection-settings"; }
        public String objectId() { return "1"; }
    }
}
