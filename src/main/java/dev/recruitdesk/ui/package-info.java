/**
 * The JavaFX user interface. The app builds a {@link dev.recruitdesk.ui.UiContext} from the services, creates a
 * {@link dev.recruitdesk.ui.MainWindow} and calls {@code show(stage)}; it starts the SyncService itself.
 * <p>
 * One subpackage per screen ({@code shell}, {@code people}, {@code profile}, {@code order}, {@code results},
 * {@code settings}) plus {@code common} (status chip, state views, messages, time formatting). Each screen is a
 * code-built view plus a ViewModel that holds JavaFX properties only and reaches services through
 * {@link dev.recruitdesk.ui.TaskRunner}, so nothing slow runs on the FX thread and ViewModels test without a toolkit.
 * Every dialog goes through {@link dev.recruitdesk.ui.DialogService} (owner = main window, modal, centred).
 */
package dev.recruitdesk.ui;
