package org.jianfu.staffing;

/** How a training is given (requirement 19): online, offline, both blended, or chosen from a menu. */
public enum TrainingMode {
    ONLINE, OFFLINE, BLENDED, MENU;

    public String messageKey() {
        return "staffing.training.mode." + name();
    }
}
