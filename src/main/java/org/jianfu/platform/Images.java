package org.jianfu.platform;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.stream.ImageInputStream;

/**
 * Uploaded pictures are never stored as sent: the size in pixels is read from the header first, so a
 * picture too large to decode is refused before any pixel memory is taken; then the picture is decoded
 * and encoded again in its own format (a PNG keeps its transparency). Whatever else the file carried
 * (a script, an appended archive, metadata) is gone.
 */
final class Images {

    /** No side longer than this, whatever the purpose allows in total. */
    private static final int MAX_SIDE = 20_000;
    private static final float JPEG_QUALITY = 0.9f;

    private Images() {
    }

    static byte[] reencode(FileType type, byte[] content, long maxPixels) {
        if (type == FileType.PNG && !wholePng(content)) {
            throw Uploads.refusal("upload.error.image");
        }
        var format = type == FileType.PNG ? "png" : "jpeg";
        var readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new IllegalStateException("no ImageIO reader for " + format);
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            reader.setInput(in, true, true);
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE || width * height > maxPixels) {
                throw Uploads.refusal("upload.error.pixels");
            }
            var image = reader.read(0);
            return write(image, format);
        }
        catch (IOException | RuntimeException e) {
            if (e instanceof RuleViolation refusal) {
                throw refusal;
            }
            throw Uploads.refusal("upload.error.image");
        }
        finally {
            reader.dispose();
        }
    }

    private static byte[] write(java.awt.image.BufferedImage image, String format) throws IOException {
        var out = new ByteArrayOutputStream();
        var writer = ImageIO.getImageWritersByFormatName(format).next();
        try (var target = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(target);
            var parameters = writer.getDefaultWriteParam();
            if (format.equals("jpeg")) {
                parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                parameters.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(image, null, null), parameters);
        }
        finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /**
     * A PNG is a signature and a chain of chunks from IHDR to IEND that ends where the file ends. Anything
     * else (a web page after the signature, an archive after IEND) makes it something other than a picture.
     */
    private static boolean wholePng(byte[] content) {
        var buffer = ByteBuffer.wrap(content);
        int at = 8;
        boolean first = true;
        while (at + 12 <= content.length) {
            int length = buffer.getInt(at);
            var type = new String(content, at + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (length < 0 || (long) at + 12 + length > content.length || first && !type.equals("IHDR")) {
                return false;
            }
            first = false;
            at += 12 + length;
            if (type.equals("IEND")) {
                return at == content.length;
            }
        }
        return false;
    }
}
