package dev.recruitdesk.service;

/** What the outbox tells the rest of the backend: the queue changed, the connection went or came back. */
interface OutboxEvents {

    void outboxChanged();

    /** A write could not reach SmartRecruiters at all: the status bar must say offline. */
    void connectionLost(String why);

    /** A write (or the reconnect probe) got an answer: online again. */
    void connectionBack();

    /** Whether the app believes SmartRecruiters is reachable now (the status bar's online/offline). */
    boolean online();

    OutboxEvents NONE = new OutboxEvents() {
        @Override
        public void outboxChanged() {
        }

        @Override
        public void connectionLost(String why) {
        }

        @Override
        public void connectionBack() {
        }

        @Override
        public boolean online() {
            return true;
        }
    };
}
