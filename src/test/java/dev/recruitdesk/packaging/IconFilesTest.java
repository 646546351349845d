package dev.recruitdesk.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The generated icon files (icons/build-icons.sh) are present, well-formed and what the installers expect. */
class IconFilesTest {

    private static final Path ICONS = Path.of("icons");
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @ParameterizedTest
    @ValueSource(ints = {16, 32, 48, 64, 128, 256, 512})
    void runtimeIconIsASquarePngOfItsSizeWithTransparentCornersAndAVisibleMark(int size) throws IOException {
        BufferedImage image;
        try (InputStream in = IconFilesTest.class.getResourceAsStream("/dev/recruitdesk/icons/icon-" + size + ".png")) {
            assertThat(in).as("classpath resource icon-%d.png", size).isNotNull();
            image = ImageIO.read(in);
        }
        assertThat(image.getWidth()).isEqualTo(size);
        assertThat(image.getHeight()).isEqualTo(size);
        assertThat(image.getColorModel().hasAlpha()).isTrue();
        // Rounded corners: the very corner pixel is (nearly) transparent, the centre fully opaque.
        assertThat(alpha(image, 0, 0)).isLessThan(128);
        assertThat(alpha(image, size - 1, size - 1)).isLessThan(128);
        assertThat(alpha(image, size / 2, size / 2)).isEqualTo(255);
        // Background, board and check mark: at least three clearly different colours.
        assertThat(distinctOpaqueColours(image)).isGreaterThanOrEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 32, 48, 64, 128, 256, 512})
    void runtimeIconIsTheSameFileAsTheCommittedPng(int size) throws IOException {
        byte[] committed = Files.readAllBytes(ICONS.resolve("png/icon-" + size + ".png"));
        try (InputStream in = IconFilesTest.class.getResourceAsStream("/dev/recruitdesk/icons/icon-" + size + ".png")) {
            assertThat(in).isNotNull();
            assertThat(in.readAllBytes()).isEqualTo(committed);
        }
    }

    @Test
    void svgSourcesAreWellFormedSvgDocuments() throws Exception {
        for (String name : List.of("recruitdesk.svg", "recruitdesk-small.svg")) {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            var document = factory.newDocumentBuilder().parse(ICONS.resolve(name).toFile());
            assertThat(document.getDocumentElement().getLocalName()).as(name).isEqualTo("svg");
            assertThat(document.getDocumentElement().getAttribute("viewBox")).as(name).isNotBlank();
        }
    }

    @Test
    void windowsIcoHoldsSixSizesUpTo256() throws IOException {
        ByteBuffer ico = ByteBuffer.wrap(Files.readAllBytes(ICONS.resolve("recruitdesk.ico"))).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(ico.getShort(0)).as("reserved").isZero();
        assertThat(ico.getShort(2)).as("type 1 = icon").isEqualTo((short) 1);
        int count = ico.getShort(4);
        List<Integer> widths = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int entry = 6 + 16 * i;
            int width = Byte.toUnsignedInt(ico.get(entry));
            widths.add(width == 0 ? 256 : width);
            int length = ico.getInt(entry + 8);
            int offset = ico.getInt(entry + 12);
            assertThat(offset + (long) length).as("entry %d lies inside the file", i).isLessThanOrEqualTo(ico.capacity());
        }
        assertThat(widths).containsExactly(16, 32, 48, 64, 128, 256);
    }

    @Test
    void macIcnsIsAValidContainerOfPngChunksUpTo1024() throws IOException {
        byte[] bytes = Files.readAllBytes(ICONS.resolve("recruitdesk.icns"));
        ByteBuffer icns = ByteBuffer.wrap(bytes); // big-endian, as the format is
        assertThat(new String(bytes, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("icns");
        assertThat(icns.getInt(4)).as("declared length").isEqualTo(bytes.length);

        Set<String> types = new HashSet<>();
        int position = 8;
        while (position < bytes.length) {
            String type = new String(bytes, position, 4, StandardCharsets.US_ASCII);
            int length = icns.getInt(position + 4);
            assertThat(length).as("chunk %s length", type).isGreaterThan(8);
            byte[] data = Arrays.copyOfRange(bytes, position + 8, position + length);
            assertThat(Arrays.copyOf(data, 8)).as("chunk %s holds PNG data", type).isEqualTo(PNG_SIGNATURE);
            types.add(type);
            if (type.equals("ic10")) {
                assertThat(ImageIO.read(new ByteArrayInputStream(data)).getWidth()).isEqualTo(1024);
            }
            position += length;
        }
        assertThat(position).as("chunks end exactly at the end of the file").isEqualTo(bytes.length);
        assertThat(types).contains("ic07", "ic08", "ic09", "ic10");
    }

    private static int alpha(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) >>> 24;
    }

    private static int distinctOpaqueColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int argb = image.getRGB(x, y);
                if (argb >>> 24 == 255) {
                    colours.add(argb & 0xE0E0E0); // coarse buckets: anti-aliasing shades don't count as colours
                }
            }
        }
        return colours.size();
    }
}
