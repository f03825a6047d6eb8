package org.jianfu.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;

/** Page setup, fonts and paragraphs of Word files in the style of government documents. */
final class WordFormat {

    /** A4 in twentieths of a point. */
    static final int A4_SHORT = 11906;
    static final int A4_LONG = 16838;

    private static final String FONT_TABLE = "/word/fontTable.xml";
    private static final String FONT_TABLE_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml";
    private static final String FONT_TABLE_RELATION = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable";

    private WordFormat() {
    }

    /** A new document with its page size, margins (twips), page numbers in the footer and the font table. */
    static XWPFDocument document(boolean landscape, int topBottom, int leftRight) {
        var doc = new XWPFDocument();
        var body = doc.getDocument().getBody();
        var section = body.isSetSectPr() ? body.getSectPr() : body.addNewSectPr();
        var size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
        size.setW(BigInteger.valueOf(landscape ? A4_LONG : A4_SHORT));
        size.setH(BigInteger.valueOf(landscape ? A4_SHORT : A4_LONG));
        if (landscape) {
            size.setOrient(STPageOrientation.LANDSCAPE);
        }
        var margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(topBottom));
        margins.setBottom(BigInteger.valueOf(topBottom));
        margins.setLeft(BigInteger.valueOf(leftRight));
        margins.setRight(BigInteger.valueOf(leftRight));
        margins.setHeader(BigInteger.valueOf(567));
        margins.setFooter(BigInteger.valueOf(567));
        pageNumbers(doc);
        fontTable(doc);
        return doc;
    }

    /** A paragraph with one run of text. */
    static XWPFParagraph paragraph(XWPFDocument doc, String text, Typeface face, double size, ParagraphAlignment alignment) {
        var paragraph = doc.createParagraph();
        paragraph.setAlignment(alignment);
        run(paragraph, text, face, size);
        return paragraph;
    }

    static XWPFRun run(XWPFParagraph paragraph, String text, Typeface face, double size) {
        var run = paragraph.createRun();
        font(run, face, size);
        if (text != null && !text.isEmpty()) {
            run.setText(text);
        }
        return run;
    }

    static void font(XWPFRun run, Typeface face, double size) {
        run.setFontFamily(face.fontName(), XWPFRun.FontCharRange.eastAsia);
        run.setFontFamily(Typeface.LATIN, XWPFRun.FontCharRange.ascii);
        run.setFontFamily(Typeface.LATIN, XWPFRun.FontCharRange.hAnsi);
        run.setFontSize(size);
    }

    /** Fixed line spacing in points, as official documents set it (28 pt for 三号 text). */
    static void exactLines(XWPFParagraph paragraph, double points) {
        paragraph.setSpacingBetween(points, LineSpacingRule.EXACT);
    }

    /** Page numbers "— 1 —" centred in the footer. */
    private static void pageNumbers(XWPFDocument doc) {
        var paragraph = doc.createFooter(HeaderFooterType.DEFAULT).createParagraph();
        paragraph.setAlignment(ParagraphAlignment.CENTER);
        run(paragraph, "— ", Typeface.TEXT, 14);
        run(paragraph, null, Typeface.TEXT, 14).getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        run(paragraph, null, Typeface.TEXT, 14).getCTR().addNewInstrText().setStringValue(" PAGE ");
        run(paragraph, null, Typeface.TEXT, 14).getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        run(paragraph, "1", Typeface.TEXT, 14);
        run(paragraph, null, Typeface.TEXT, 14).getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
        run(paragraph, " —", Typeface.TEXT, 14);
    }

    /**
     * The font table names each typeface with the one to use where it is not installed, so a computer
     * without 方正小标宋 or 仿宋_GB2312 shows 宋体 or 仿宋 instead of a random font.
     */
    private static void fontTable(XWPFDocument doc) {
        var xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">""");
        for (var face : Typeface.values()) {
            xml.append("<w:font w:name=\"").append(face.fontName()).append("\"><w:altName w:val=\"").append(face.fallback())
                    .append("\"/><w:charset w:val=\"86\"/><w:family w:val=\"").append(face == Typeface.HEADING ? "modern" : "roman")
                    .append("\"/><w:pitch w:val=\"variable\"/></w:font>");
        }
        xml.append("<w:font w:name=\"").append(Typeface.LATIN).append("\"><w:charset w:val=\"00\"/><w:family w:val=\"roman\"/>")
                .append("<w:pitch w:val=\"variable\"/></w:font></w:fonts>");
        try {
            var name = PackagingURIHelper.createPartName(FONT_TABLE);
            var pkg = doc.getPackage();
            if (pkg.containPart(name)) {
                pkg.removePart(name);
            }
            var part = pkg.createPart(name, FONT_TABLE_TYPE);
            try (var out = part.getOutputStream()) {
                out.write(xml.toString().getBytes(StandardCharsets.UTF_8));
            }
            doc.getPackagePart().addRelationship(name, TargetMode.INTERNAL, FONT_TABLE_RELATION);
        }
        catch (InvalidFormatException | IOException e) {
            throw new IllegalStateException("font table", e);
        }
    }

    static byte[] bytes(XWPFDocument doc) {
        try (doc; var out = new ByteArrayOutputStream(64 * 1024)) {
            doc.write(out);
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
