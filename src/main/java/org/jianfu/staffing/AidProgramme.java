package org.jianfu.staffing;

import java.util.Locale;

/** An aid and support programme of requirement 8 (援疆, 援藏, 援青, the sub-centre, Xiong'an …), kept as data. */
public record AidProgramme(String code, String name, String nameEn) {

    /** The programme's name in the reader's language. */
    public String label(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? nameEn : name;
    }
}
