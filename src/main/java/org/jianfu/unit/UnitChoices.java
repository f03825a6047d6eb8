package org.jianfu.unit;

import java.util.List;

/**
 * What a search of the unit picker found: nothing asked ({@code asked} false, for a blank text), or up to
 * {@link #LIMIT} units and whether there were more. A country has 200,000 schools, too many to list in a form.
 */
public record UnitChoices(boolean asked, List<UnitChoice> choices, boolean more) {

    /** The most units one search shows; a longer list asks for more of the name. */
    public static final int LIMIT = 20;

    static final UnitChoices NOTHING = new UnitChoices(false, List.of(), false);
}
