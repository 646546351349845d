package dev.recruitdesk.app;

import dev.recruitdesk.simulator.SimulatorConfig;
import dev.recruitdesk.ui.ScreenshotTour;
import javafx.application.Platform;

import java.awt.image.BufferedImage;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;

/**
 * {@code screenshots}: starts the app in demo mode on the simulator, has the UI walk through each screen and write a
 * PNG of it, checks that no PNG is blank, and exits 0. Needs a display (real or Xvfb).
 */
final class ScreenshotsCommand {

    private ScreenshotsCommand() {
    }

    static int run(Command.RunScreenshots cmd, Path dataDir, PrintStream out, PrintStream err) throws Exception {
        if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null
                && !"Monocle".equals(System.getProperty("glass.platform"))) {
            err.println("recruitdesk: screenshots needs a display; run it under xvfb-run (see README)");
            return 2;
        }
        Files.createDirectories(cmd.outDir());
        AtomicInteger code = new AtomicInteger(1);
        AtomicReference<List<Path>> written = new AtomicReference<>(List.of());
        // No rate limit and a quick partner: the pictures are the point here, not the waiting.
        SimulatorConfig sim = SimulatorConfig.builder().port(0).seed(42).candidates(500).rateLimit(false)
                .partnerPace(Duration.ofSeconds(2)).build();
        // Always demo mode (README): a saved account in the folder must be neither opened nor synced by a tour.
        DesktopApp.launchDemo(dataDir, app -> {
            Thread t = new Thread(() -> {
                try {
                    written.set(ScreenshotTour.run(app.window(), app.context(app.session()), cmd.outDir()));
                    code.set(0);
                } catch (Throwable e) {
                    err.println("recruitdesk: screenshots failed: " + e);
                    org.slf4j.LoggerFactory.getLogger(ScreenshotsCommand.class).error("Screenshot tour failed", e);
                } finally {
                    Platform.exit();
                }
            }, "screenshot-tour");
            t.setDaemon(true);
            t.start();
        }, sim);
        if (code.get() != 0) {
            return code.get();
        }
        for (Path p : written.get()) {
            BufferedImage img = ImageIO.read(p.toFile());
            if (img == null || isBlank(img)) {
                err.println("recruitdesk: " + p.getFileName() + " is blank");
                return 1;
            }
            out.printf("wrote %s (%dx%d)%n", p, img.getWidth(), img.getHeight());
        }
        return 0;
    }

    /** Blank = (nearly) one colour: fewer than 16 distinct colours on a coarse grid. */
    static boolean isBlank(BufferedImage img) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 7) {
            for (int x = 0; x < img.getWidth(); x += 7) {
                colours.add(img.getRGB(x, y));
                if (colours.size() >= 16) {
                    return false;
                }
            }
        }
        return true;
    }
}
