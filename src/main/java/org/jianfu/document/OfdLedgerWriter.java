package org.jianfu.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.ofdrw.font.Font;
import org.ofdrw.layout.OFDDoc;
import org.ofdrw.layout.PageLayout;
import org.ofdrw.layout.VirtualPage;
import org.ofdrw.layout.element.Div;
import org.ofdrw.layout.element.Paragraph;
import org.ofdrw.layout.element.Position;
import org.ofdrw.layout.element.TextAlign;

/**
 * The official copy of a ledger as OFD (GB/T 33190), the layout format of Chinese official documents, from the one
 * {@link OfficialLayout}. The fonts are named, not embedded, as in the Word file: 宋体 for the title, 黑体 for headings,
 * 仿宋 for text, which every reader of government documents has.
 */
final class OfdLedgerWriter {

    private static final Font TITLE = new Font("宋体", "宋体");
    private static final Font HEADING = new Font("黑体", "黑体");
    private static final Font TEXT = new Font("仿宋", "仿宋");
    private static final double RULE = 0.25;

    private OfdLedgerWriter() {
    }

    static byte[] write(OfficialLayout layout) {
        var out = new ByteArrayOutputStream(64 * 1024);
        var pageLayout = new PageLayout(OfficialLayout.PAGE_WIDTH, OfficialLayout.PAGE_HEIGHT).setMargin(0d);
        try (var doc = new OFDDoc(out)) {
            doc.setDefaultPageLayout(pageLayout);
            for (var page : layout.pages()) {
                var virtualPage = new VirtualPage(pageLayout);
                for (var item : page.items()) {
                    virtualPage.add(item instanceof OfficialLayout.Box box ? box(box) : text((OfficialLayout.Text) item));
                }
                doc.addVPage(virtualPage);
            }
        }
        catch (IOException e) {
            throw new IllegalStateException("OFD of a ledger", e);
        }
        return out.toByteArray();
    }

    private static Div<?> box(OfficialLayout.Box box) {
        return new Div<>(box.x(), box.y(), box.width(), box.height())
                .setBorder(box.top() ? RULE : 0d, RULE, box.bottom() ? RULE : 0d, RULE)
                .setPosition(Position.Absolute);
    }

    private static Paragraph text(OfficialLayout.Text text) {
        var font = switch (text.face()) {
            case TITLE -> TITLE;
            case HEADING -> HEADING;
            case TEXT -> TEXT;
        };
        // a little wider than the line: the line was measured to fit, and the paragraph must not break it again
        var paragraph = new Paragraph(text.text(), text.size(), font);
        paragraph.setX(text.x());
        paragraph.setY(text.y());
        paragraph.setWidth(text.width() + text.size());
        paragraph.setPosition(Position.Absolute);
        paragraph.setLineSpace(0d);
        paragraph.setTextAlign(text.centred() ? TextAlign.center : TextAlign.left);
        if (text.centred()) {
            paragraph.setX(text.x() - text.size() / 2);
        }
        return paragraph;
    }
}
