package dev.recruitdesk.app;

import java.nio.file.Path;

/**
 * A stand-in first RecruitDesk for the child-process tests: takes the data folder's lock as the launcher does,
 * answers "show" requests by printing SHOW, and holds on until it is killed.
 */
public final class LockHolder {

    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        InstanceLock lock = InstanceLock.tryAcquire(Path.of(args[0])).orElse(null);
        if (lock == null) {
            System.out.println("REFUSED");
            System.exit(3);
        }
        lock.listenForShow(() -> System.out.println("SHOW"));
        System.out.println("LOCKED");
        Thread.sleep(Long.MAX_VALUE);
    }
}
