package dev.recruitdesk.service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Calls every listener on the publishing thread; a listener that throws is logged and the others still run. */
public final class SimpleChangeFeed implements ChangeFeed {

    private static final Logger log = LoggerFactory.getLogger(SimpleChangeFeed.class);

    private final List<Consumer<ChangeEvent>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public AutoCloseable subscribe(Consumer<ChangeEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void publish(ChangeEvent event) {
        for (Consumer<ChangeEvent> l : listeners) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                log.warn("A change listener failed on {}", event.kind(), e);
            }
        }
    }
}
