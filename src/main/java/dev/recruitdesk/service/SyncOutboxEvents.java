package dev.recruitdesk.service;

/** The outbox's events, passed on to the sync status (status bar) and the write queue's listeners (banner). */
final class SyncOutboxEvents implements OutboxEvents {

    private final BackgroundSync sync;
    private final OutboxWriteQueue queue;

    SyncOutboxEvents(BackgroundSync sync, OutboxWriteQueue queue) {
        this.sync = sync;
        this.queue = queue;
    }

    @Override
    public void outboxChanged() {
        sync.outboxChanged();
        queue.fireChanged();
    }

    @Override
    public void connectionLost(String why) {
        sync.connectionLost(why);
        queue.fireChanged();
    }

    @Override
    public void connectionBack() {
        sync.connectionBack();
        queue.fireChanged();
    }

    @Override
    public boolean online() {
        return sync.status().online();
    }
}
