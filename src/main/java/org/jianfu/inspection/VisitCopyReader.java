package org.jianfu.inspection;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Decodes the rows of {@link VisitRepository#loadForCheck}'s binary COPY: id, school, item (0 for none),
 * visit date, notification date (may be null), proof demanded, category. The format is PostgreSQL's
 * documented binary COPY format: a header, then per row a field count and each field as a length
 * (-1 for null) followed by the value in network byte order; a field count of -1 ends it.
 */
final class VisitCopyReader {

    private static final byte[] SIGNATURE = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0 };
    private static final int FIELDS = 7;
    /** PostgreSQL counts days from 2000-01-01, Java from 1970-01-01. */
    private static final int POSTGRES_EPOCH_DAY = 10_957;
    private static final InspectionCategory[] CATEGORIES = InspectionCategory.values();
    private static final byte[][] CATEGORY_NAMES = Arrays.stream(CATEGORIES)
            .map(c -> c.name().getBytes(java.nio.charset.StandardCharsets.US_ASCII)).toArray(byte[][]::new);

    private final DataInputStream in;
    private final byte[] text = new byte[64];

    VisitCopyReader(DataInputStream in) {
        this.in = in;
    }

    void readInto(VisitTable into) throws IOException {
        var signature = new byte[SIGNATURE.length];
        in.readFully(signature);
        if (!Arrays.equals(signature, SIGNATURE)) {
            throw new IOException("not a binary COPY stream");
        }
        in.readInt(); // flags: no OIDs are asked for
        in.skipNBytes(in.readInt()); // header extension
        for (int fields = in.readShort(); fields != -1; fields = in.readShort()) {
            if (fields != FIELDS) {
                throw new IOException("a row of " + fields + " fields, expected " + FIELDS);
            }
            long id = int8();
            long school = int8();
            long item = int8();
            int day = date();
            int notified = dateOrNone();
            boolean proof = bool();
            int category = category();
            into.addRaw(id, school, item, category, day, notified, proof);
        }
    }

    private long int8() throws IOException {
        expectLength(8);
        return in.readLong();
    }

    private int date() throws IOException {
        expectLength(4);
        return in.readInt() + POSTGRES_EPOCH_DAY;
    }

    private int dateOrNone() throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return VisitTable.NONE;
        }
        if (length != 4) {
            throw new IOException("a date of " + length + " bytes");
        }
        return in.readInt() + POSTGRES_EPOCH_DAY;
    }

    private boolean bool() throws IOException {
        expectLength(1);
        return in.readByte() != 0;
    }

    /** The category's ordinal, matched on its bytes, so that millions of rows make no strings. */
    private int category() throws IOException {
        int length = in.readInt();
        if (length < 0 || length > text.length) {
            throw new IOException("unexpected category of length " + length);
        }
        in.readFully(text, 0, length);
        for (int c = 0; c < CATEGORY_NAMES.length; c++) {
            if (Arrays.equals(text, 0, length, CATEGORY_NAMES[c], 0, CATEGORY_NAMES[c].length)) {
                return c;
            }
        }
        throw new IOException("unknown category " + new String(text, 0, length, java.nio.charset.StandardCharsets.UTF_8));
    }

    private void expectLength(int length) throws IOException {
        int actual = in.readInt();
        if (actual != length) {
            throw new IOException("a field of " + actual + " bytes, expected " + length);
        }
    }
}
