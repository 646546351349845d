package dev.recruitdesk.ui.outbox;

import dev.recruitdesk.service.QueuedWrite;
import dev.recruitdesk.service.WriteQueue;
import dev.recruitdesk.ui.SyncTaskRunner;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxReviewViewModelTest {

    /** An in-memory queue: held writes become SENT on send, DISCARDED on discard. */
    static final class MemoryQueue implements WriteQueue {
        final Map<String, QueuedWrite> rows = new LinkedHashMap<>();
        final List<String> sent = new ArrayList<>();

        void add(String key, QueuedWrite.Kind kind, QueuedWrite.State state) {
            rows.put(key, new QueuedWrite(key, kind, "Ada Lovelace", "Dev · SkillCheck Java", Instant.EPOCH, state,
                    "Cannot reach SmartRecruiters", 1));
        }

        private void set(String key, QueuedWrite.State state) {
            QueuedWrite w = rows.get(key);
            rows.put(key, new QueuedWrite(w.key(), w.kind(), w.candidate(), w.target(), w.queuedAt(), state, null,
                    w.attempts() + 1));
        }

        @Override
        public List<QueuedWrite> unsent() {
            return rows.values().stream().filter(w -> w.state() != QueuedWrite.State.SENT
                    && w.state() != QueuedWrite.State.DISCARDED).toList();
        }

        @Override
        public List<QueuedWrite> writes(Collection<String> keys) {
            return keys.stream().filter(rows::containsKey).map(rows::get).toList();
        }

        @Override
        public int heldCount() {
            return (int) rows.values().stream().filter(QueuedWrite::held).count();
        }

        @Override
        public void send(Collection<String> keys) {
            sent.addAll(keys);
            keys.forEach(k -> set(k, QueuedWrite.State.SENT));
        }

        @Override
        public int discard(Collection<String> keys) {
            keys.forEach(k -> set(k, QueuedWrite.State.DISCARDED));
            return keys.size();
        }

        @Override
        public AutoCloseable subscribe(Runnable listener) {
            return () -> { };
        }
    }

    private final MemoryQueue queue = new MemoryQueue();
    private final OutboxReviewViewModel vm = new OutboxReviewViewModel(queue, new SyncTaskRunner());

    @Test
    void theBannerShowsOnlyOnceOnlineWithHeldWrites() {
        queue.add("k1", QueuedWrite.Kind.ORDER, QueuedWrite.State.HELD);
        queue.add("k2", QueuedWrite.Kind.MOVE, QueuedWrite.State.HELD);
        vm.setOnline(false);
        vm.refreshCount();
        assertThat(vm.bannerVisible().get()).as("offline: nothing to review yet").isFalse();
        vm.setOnline(true);
        assertThat(vm.bannerVisible().get()).isTrue();
        assertThat(vm.bannerTextProperty().get()).isEqualTo("2 writes queued while offline:");
    }

    @Test
    void sendAllSendsHeldAndFailedOnlyAndTheRowsThenShowSent() {
        queue.add("held", QueuedWrite.Kind.ORDER, QueuedWrite.State.HELD);
        queue.add("failed", QueuedWrite.Kind.NEW_CANDIDATE, QueuedWrite.State.FAILED);
        queue.add("waiting", QueuedWrite.Kind.MOVE, QueuedWrite.State.WAITING);
        vm.load();
        assertThat(vm.rows()).extracting(OutboxReviewViewModel.Row::kind)
                .containsExactly("Order", "New candidate", "Move");
        assertThat(vm.rows().get(0).state()).isEqualTo("Held: sent when you confirm");

        vm.sendAll();
        assertThat(queue.sent).containsExactly("held", "failed");
        assertThat(vm.rows()).extracting(OutboxReviewViewModel.Row::state)
                .containsExactly("Waiting to be sent", "Sent", "Sent");
        assertThat(vm.messageProperty().get()).isEqualTo("2 write(s) sent to SmartRecruiters");
        assertThat(vm.heldProperty().get()).isZero();
    }

    @Test
    void discardNeedsASelectionAndSendsNothing() {
        queue.add("a", QueuedWrite.Kind.ORDER, QueuedWrite.State.HELD);
        vm.load();
        vm.discard(List.of());
        assertThat(vm.messageProperty().get()).isEqualTo("Select the writes to discard");
        vm.discard(List.of("a"));
        assertThat(queue.sent).isEmpty();
        assertThat(vm.rows()).singleElement().satisfies(r -> assertThat(r.state()).isEqualTo("Discarded"));
        vm.sendAll();
        assertThat(queue.sent).as("a discarded write is not sent by Send all").isEmpty();
    }
}
