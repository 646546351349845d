package dev.recruitdesk.ui;

import dev.recruitdesk.service.AccountService;
import dev.recruitdesk.service.CandidateQueries;
import dev.recruitdesk.service.ChangeFeed;
import dev.recruitdesk.service.OrderService;
import dev.recruitdesk.service.ProfileService;
import dev.recruitdesk.service.SyncService;

/**
 * Everything the screens need, handed over by the app's wiring. {@code onLeaveDemo} may be null when the app cannot
 * restart itself; the Settings screen then tells the user to restart.
 */
public record UiContext(CandidateQueries candidates, ProfileService profiles, OrderService orders,
                        AccountService account, SyncService sync, ChangeFeed changes, TaskRunner tasks,
                        boolean demoMode, Runnable onLeaveDemo) {
}
