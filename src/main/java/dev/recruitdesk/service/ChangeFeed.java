package dev.recruitdesk.service;

import java.util.function.Consumer;

/** Publish/subscribe of cache changes. Listeners are called on a background thread. */
public interface ChangeFeed {

    AutoCloseable subscribe(Consumer<ChangeEvent> listener);

    void publish(ChangeEvent event);
}
