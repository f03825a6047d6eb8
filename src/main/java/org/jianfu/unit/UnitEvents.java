package org.jianfu.unit;

import org.jianfu.audit.AuditableEvent;

/** Past-tense events of the unit module; each is kept in the audit trail. */
final class UnitEvents {

    private UnitEvents() {
    }

    record UnitCreated(Unit.Snapshot after) implements AuditableEvent {
        public String action() { return "unit.created"; }
        public String objectType() { return "unit"; }
        public String objectId() { return Long.toString(after.id()); }
        public Object before() { return null; }
    }

    record UnitChanged(Unit.Snapshot before, Unit.Snapshot after) implements AuditableEvent {
        public String action() { return "unit.changed"; }
        public String objectType() { return "unit"; }
        public String objectId() { return Long.toString(after.id()); }
    }

    record UnitAliasAdded(long unitId, String alias) implements AuditableEvent {
        public String action() { return "unit.alias-added"; }
        public String objectType() { return "unit"; }
        public String objectId() { return Long.toString(unitId); }
        public Object before() { return null; }
        public Object after() { return java.util.Map.of("alias", alias); }
    }

    record UnitAliasRemoved(long unitId, String alias) implements AuditableEvent {
        public String action() { return "unit.alias-removed"; }
        public String objectType() { return "unit"; }
        public String objectId() { return Long.toString(unitId); }
        public Object before() { return java.util.Map.of("alias", alias); }
        public Object after() { return null; }
    }

    /** A school placed on the map, moved, or taken off it (null). */
    record UnitLocated(long unitId, Coordinates before, Coordinates after) implements AuditableEvent {
        public String action() { return "unit.located"; }
        public String objectType() { return "unit"; }
        public String objectId() { return Long.toString(unitId); }
    }
}
