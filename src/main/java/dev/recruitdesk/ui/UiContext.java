package dev.recruitdesk.ui;

import dev.recruitdesk.service.AccountService;
import dev.recruitdesk.service.AddCandidateService;
import dev.recruitdesk.service.HiringProcessService;
import dev.recruitdesk.service.MoveService;
import dev.recruitdesk.service.CandidateQueries;
import dev.recruitdesk.service.ChangeFeed;
import dev.recruitdesk.service.OrderService;
import dev.recruitdesk.service.ProfileService;
import dev.recruitdesk.service.SyncService;
import dev.recruitdesk.service.WriteQueue;

/**
 * Everything the screens need, handed over by the app's wiring. {@code onLeaveDemo} may be null when the app cannot
 * restart itself; the Settings screen then tells the user to restart.
 */
public record UiContext(CandidateQueries candidates, ProfileService profiles, OrderService orders,
                        AccountService account, SyncService sync, ChangeFeed changes, TaskRunner tasks,
                        boolean demoMode, Runnable onLeaveDemo, ProcessServices process, WriteQueue writes) {

    /** Without the outbox review (no "queued while offline" banner). */
    public UiContext(CandidateQueries candidates, ProfileService profiles, OrderService orders, AccountService account,
                     SyncService sync, ChangeFeed changes, TaskRunner tasks, boolean demoMode, Runnable onLeaveDemo,
                     ProcessServices process) {
        this(candidates, profiles, orders, account, sync, changes, tasks, demoMode, onLeaveDemo, process, null);
    }

    /** Without the hiring-process services: the "Hiring process" screen, moves and Add Candidate are not offered. */
    public UiContext(CandidateQueries candidates, ProfileService profiles, OrderService orders, AccountService account,
                     SyncService sync, ChangeFeed changes, TaskRunner tasks, boolean demoMode, Runnable onLeaveDemo) {
        this(candidates, profiles, orders, account, sync, changes, tasks, demoMode, onLeaveDemo, null, null);
    }

    /** The services of the hiring-process screen, the move dialog and Add Candidate. */
    public record ProcessServices(HiringProcessService processes, MoveService moves, AddCandidateService adds) {
    }
}
