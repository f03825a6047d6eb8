package org.jianfu.whitelist;

/**
 * Where an application stands. Submitted applications wait for review; a returned one goes back to the
 * applicant to be corrected and submitted again; approved, rejected and refused are final. Refused means
 * refused at the door: the application declared a banned demand, so it never reached review.
 */
public enum ApplicationState {
    SUBMITTED,
    RETURNED,
    APPROVED,
    REJECTED,
    REFUSED;

    public String messageKey() {
        return "whitelist.state." + name();
    }
}
