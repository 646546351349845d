package dev.recruitdesk.ui;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the tour the `screenshots` command uses and leaves the PNGs in target/screenshots to look at. */
class ScreenshotTourTest extends UiTestBase {

    @Start
    void start(Stage stage) {
        startWindow(stage);
    }


    @Test
    void writesOnePngPerScreen() throws Exception {
        Path out = Path.of("target", "screenshots");
        List<Path> files = ScreenshotTour.run(window, ctx, out);

        assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactly("settings.png", "people.png", "profile.png", "order-modal.png", "results.png");
        BufferedImage people = ImageIO.read(files.get(1).toFile());
        assertThat(people.getWidth()).isEqualTo(1280);
        assertThat(people.getHeight()).isEqualTo(800);
    }
}
