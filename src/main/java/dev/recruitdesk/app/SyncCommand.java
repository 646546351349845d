package dev.recruitdesk.app;

import dev.recruitdesk.service.SyncReport;

import java.io.PrintStream;
import java.nio.file.Path;

/** {@code sync}: one sync without a window; prints what it fetched and stored. */
final class SyncCommand {

    private SyncCommand() {
    }

    static int run(Command.RunSync cmd, Path dataDir, PrintStream out, PrintStream err) throws Exception {
        try (AppSession session = AppSession.openAccount(dataDir, cmd.srUrl(), cmd.apiKey(), true)) {
            String notice = session.backend().syncService().notice();
            if (notice != null) {
                err.println("recruitdesk: " + notice);
            }
            // Queued orders first: what sending them changes on the server (e.g. the candidate's updatedOn) is then
            // in this very sync, so the cache ends equal to SmartRecruiters.
            int sent = cmd.sendQueued() ? session.backend().orderService().sendPending() : 0;
            SyncReport r = session.backend().syncService().syncOnce();
            int inCache = session.backend().candidateQueries().count(dev.recruitdesk.service.CandidateFilter.ALL);
            out.printf("%s from %s%n", r.complete() ? "Synced" : "Sync stopped early", cmd.srUrl());
            out.printf("  candidates fetched: %,d  stored: %,d  pages: %,d  total in cache: %,d%n",
                    r.candidatesFetched(), r.candidatesStored(), r.pages(), inCache);
            out.printf("  orders fetched: %,d (orders of candidates this sync changed; the desktop app fetches everyone's"
                    + " orders in the background, this command does not wait for that)%n", r.ordersFetched());
            out.printf("  mode: %s  complete: %s  time: %,d ms%n", r.full() ? "full" : "incremental", r.complete() ? "yes" : "no", r.millis());
            if (!r.complete()) {
                err.println("recruitdesk: the sync did not finish: " + r.error());
                return 1;
            }
            return cmd.sendQueued() ? reportQueued(session, sent, out, err) : 0;
        }
    }

    /**
     * Running the command with {@code --send-queued} is the recruiter's consent to send what the outbox holds. Each
     * order goes with its idempotency key, so one already accepted before a crash is not ordered again.
     */
    private static int reportQueued(AppSession session, int sent, PrintStream out, PrintStream err) {
        int unsent = session.backend().syncService().status().queuedWrites();
        out.printf("  queued orders sent: %,d  not sent: %,d%n", sent, unsent);
        if (unsent > 0) {
            err.println("recruitdesk: " + unsent + " queued change(s) could not be sent; the app shows why");
            return 1;
        }
        return 0;
    }
}
