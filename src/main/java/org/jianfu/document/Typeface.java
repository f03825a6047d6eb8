package org.jianfu.document;

/**
 * The typefaces Chinese government documents use (GB/T 9704): 方正小标宋 for titles, 黑体 for headings,
 * 仿宋 for text, 楷体 for subtitles. Each with the font that ships with Windows, used where the first is
 * not installed (Word's font table names it as the alternative; Excel gets it directly).
 */
enum Typeface {
    TITLE("方正小标宋简体", "宋体"),
    HEADING("黑体", "SimHei"),
    TEXT("仿宋_GB2312", "仿宋"),
    SUBTITLE("楷体_GB2312", "楷体");

    /** The Latin companion of every typeface. */
    static final String LATIN = "Times New Roman";

    private final String name;
    private final String fallback;

    Typeface(String name, String fallback) {
        this.name = name;
        this.fallback = fallback;
    }

    String fontName() {
        return name;
    }

    String fallback() {
        return fallback;
    }
}
