package org.jianfu.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The official copy of a ledger as PDF, for readers without an OFD viewer: the same {@link OfficialLayout} pages, the seal
 * picture drawn where the OFD's stands, and a CJK font embedded (subset) so that it reads the same everywhere. The font is
 * the first of the usual system CJK fonts found on the server.
 */
final class PdfLedgerWriter {

    private static final List<Path> FONTS = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
            Path.of("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"),
            Path.of("C:/Windows/Fonts/simsun.ttc"));
    private static final float MM = 72f / 25.4f;

    private static TrueTypeFont font;

    private PdfLedgerWriter() {
    }

    /** Whether a CJK font is installed to write the PDF with. */
    static boolean available() {
        return FONTS.stream().anyMatch(Files::isReadable);
    }

    static byte[] write(OfficialLayout layout, LedgerDocument.SealImage seal) {
        try (var doc = new PDDocument()) {
            var cjk = PDType0Font.load(doc, font(), true);
            var size = new PDRectangle((float) (OfficialLayout.PAGE_WIDTH * MM), (float) (OfficialLayout.PAGE_HEIGHT * MM));
            int number = 0;
            for (var page : layout.pages()) {
                number++;
                var pdfPage = new PDPage(size);
                doc.addPage(pdfPage);
                try (var content = new PDPageContentStream(doc, pdfPage)) {
                    content.setLineWidth(0.25f * MM);
                    for (var item : page.items()) {
                        if (item instanceof OfficialLayout.Box box) {
                            box(content, box);
                        }
                        else {
                            text(content, cjk, (OfficialLayout.Text) item);
                        }
                    }
                    var spot = layout.sealSpot();
                    if (seal != null && spot != null && spot.page() == number) {
                        var image = PDImageXObject.createFromByteArray(doc, seal.content(), "seal");
                        content.drawImage(image, (float) spot.x() * MM, y(spot.y() + OfficialLayout.SEAL_SIZE),
                                (float) OfficialLayout.SEAL_SIZE * MM, (float) OfficialLayout.SEAL_SIZE * MM);
                    }
                }
            }
            var out = new ByteArrayOutputStream(128 * 1024);
            doc.save(out);
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new IllegalStateException("PDF of a ledger", e);
        }
    }

    /** PDF counts from the bottom of the page, the layout from the top. */
    private static float y(double fromTop) {
        return (float) ((OfficialLayout.PAGE_HEIGHT - fromTop) * MM);
    }

    private static void box(PDPageContentStream content, OfficialLayout.Box box) throws IOException {
        float left = (float) box.x() * MM;
        float right = (float) (box.x() + box.width()) * MM;
        float top = y(box.y());
        float bottom = y(box.y() + box.height());
        content.moveTo(left, top);
        content.lineTo(left, bottom);
        content.moveTo(right, top);
        content.lineTo(right, bottom);
        if (box.top()) {
            content.moveTo(left, top);
            content.lineTo(right, top);
        }
        if (box.bottom()) {
            content.moveTo(left, bottom);
            content.lineTo(right, bottom);
        }
        content.stroke();
    }

    private static void text(PDPageContentStream content, PDType0Font cjk, OfficialLayout.Text text) throws IOException {
        if (text.text().isEmpty()) {
            return;
        }
        float size = (float) (text.size() * MM);
        double x = text.x();
        if (text.centred()) {
            x += (text.width() - OfficialLayout.width(text.text(), text.size())) / 2;
        }
        content.beginText();
        content.setFont(cjk, size);
        // the baseline a little above the bottom of the line box, as the OFD places it
        content.newLineAtOffset((float) x * MM, y(text.y() + text.size() * 1.05));
        content.showText(text.text());
        content.endText();
    }

    private static synchronized TrueTypeFont font() throws IOException {
        if (font == null) {
            var file = FONTS.stream().filter(Files::isReadable).findFirst()
                    .orElseThrow(() -> new IOException("no CJK font installed (e.g. Debian's fonts-wqy-microhei)"));
            var collection = new TrueTypeCollection(file.toFile());
            font = collection.getFontByName(collection.getFontByName("WenQuanYi Micro Hei") != null ? "WenQuanYi Micro Hei" : firstName(collection));
        }
        return font;
    }

    private static String firstName(TrueTypeCollection collection) throws IOException {
        var names = new java.util.ArrayList<String>();
        collection.processAllFonts(f -> names.add(f.getName()));
        return names.get(0);
    }
}
