package dev.recruitdesk.ui.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Every string the screens show comes from {@code messages.properties} through here. */
public final class Messages {

    private static final String BUNDLE = "dev.recruitdesk.ui.messages";

    private Messages() {
    }

    public static String get(String key) {
        try {
            return ResourceBundle.getBundle(BUNDLE, Locale.getDefault()).getString(key);
        } catch (MissingResourceException e) {
            // A missing key should be visible in the UI rather than crash a screen.
            return "!" + key + "!";
        }
    }

    /** {@link MessageFormat} pattern from the bundle, e.g. {@code {0,number,integer} candidates}. */
    public static String format(String key, Object... args) {
        return new MessageFormat(get(key), Locale.getDefault()).format(args);
    }
}
