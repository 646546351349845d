package dev.recruitdesk.ui.common;

import java.net.URI;

/** Hands a link or a file the app wrote to the system browser or viewer. Called off the FX thread. */
@FunctionalInterface
public interface LinkOpener {

    void open(URI uri) throws Exception;

    /** java.awt.Desktop: works without an {@code Application} instance (the app's launcher owns that). */
    static LinkOpener desktop() {
        return uri -> {
            if (!java.awt.Desktop.isDesktopSupported()
                    || !java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.BROWSE)) {
                throw new UnsupportedOperationException("This system offers no browser to open links");
            }
            java.awt.Desktop.getDesktop().browse(uri);
        };
    }
}
