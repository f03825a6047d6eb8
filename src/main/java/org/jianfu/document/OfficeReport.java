package org.jianfu.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * A report as government offices file it, on A4 portrait with the margins of official documents: a title (小标宋), a line
 * under it (楷体), then headings (黑体), paragraphs (仿宋), tables in the layout of {@link OfficeTable} and pictures (PNG
 * charts) with their captions, in the order added. Write it once with {@link #docx()}.
 */
public final class OfficeReport {

    /** The text width of an A4 portrait page with the margins below (2.8 cm left and right), in twips. */
    private static final int TEXT_WIDTH = WordFormat.A4_SHORT - 2 * 1587;
    private static final double TEXT_SIZE = 14;

    private final XWPFDocument doc;

    public OfficeReport(String title, String subtitle) {
        doc = WordFormat.document(false, 2098, 1587);
        WordFormat.paragraph(doc, title, Typeface.TITLE, 20, ParagraphAlignment.CENTER).setSpacingAfter(120);
        WordFormat.paragraph(doc, subtitle, Typeface.SUBTITLE, 14, ParagraphAlignment.CENTER).setSpacingAfter(240);
    }

    /** A heading of a part (一、…), in 黑体. */
    public OfficeReport heading(String text) {
        var paragraph = WordFormat.paragraph(doc, text, Typeface.HEADING, 16, ParagraphAlignment.LEFT);
        paragraph.setSpacingBefore(240);
        paragraph.setSpacingAfter(120);
        return this;
    }

    /** A paragraph of text in 仿宋, its first line indented by two characters. */
    public OfficeReport paragraph(String text) {
        var paragraph = WordFormat.paragraph(doc, text, Typeface.TEXT, TEXT_SIZE, ParagraphAlignment.BOTH);
        paragraph.setIndentationFirstLine(560);
        WordFormat.exactLines(paragraph, 28);
        return this;
    }

    /** A table: its title and subtitle are left out (the report's headings say what it is), its rows as {@link OfficeTable} writes them. */
    public OfficeReport table(OfficeTable table) {
        table.addTable(doc, TEXT_WIDTH);
        doc.createParagraph().setSpacingAfter(120);
        return this;
    }

    /** A PNG picture as wide as the text, its height in proportion, with a caption under it. */
    public OfficeReport picture(byte[] png, int widthPixels, int heightPixels, String caption) {
        var widthEmu = Units.toEMU(TEXT_WIDTH / 20.0);
        var heightEmu = (int) ((long) widthEmu * heightPixels / widthPixels);
        var paragraph = doc.createParagraph();
        paragraph.setAlignment(ParagraphAlignment.CENTER);
        try {
            paragraph.createRun().addPicture(new ByteArrayInputStream(png), Document.PICTURE_TYPE_PNG, "chart.png", widthEmu, heightEmu);
        }
        catch (InvalidFormatException | IOException e) {
            throw new IllegalStateException("picture", e);
        }
        WordFormat.paragraph(doc, caption, Typeface.SUBTITLE, 12, ParagraphAlignment.CENTER).setSpacingAfter(200);
        return this;
    }

    public byte[] docx() {
        return WordFormat.bytes(doc);
    }
}
