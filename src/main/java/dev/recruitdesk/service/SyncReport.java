package dev.recruitdesk.service;

/**
 * What one sync did, for the headless {@code sync} command and the logs. {@code complete} is false when the listing
 * stopped early (then nothing was deleted and the bookmark did not move); {@code error} says why, in plain words.
 * {@code fetchMillis} is the time spent waiting for listing pages, {@code writeWaitMillis} the time the listing
 * waited for the cache to finish the previous page: which of the two is large says where a slow sync loses time.
 */
public record SyncReport(boolean full, boolean complete, int candidatesFetched, int candidatesStored, int pages,
                         int ordersFetched, long millis, String error, long fetchMillis, long writeWaitMillis) {
}
