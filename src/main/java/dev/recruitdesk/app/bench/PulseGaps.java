package dev.recruitdesk.app.bench;

import java.util.Arrays;

/** Gaps between JavaFX pulses while recording; called on the FX thread only. */
final class PulseGaps {

    private long[] gaps = new long[1 << 14];
    private int count;
    private long last = -1;
    private boolean recording;
    private long startedNanos;
    private long stoppedNanos;
    /** Wall-clock time the longest gap ended, to find it in a profile or the log. */
    private long maxGapEndMillis;
    private long maxGap;

    void start() {
        recording = true;
        last = System.nanoTime();
        startedNanos = last;
    }

    void stop() {
        recording = false;
        stoppedNanos = System.nanoTime();
    }

    long recordedMillis() {
        return (stoppedNanos - startedNanos) / 1_000_000;
    }

    void pulse() {
        if (!recording) {
            return;
        }
        long now = System.nanoTime();
        if (count == gaps.length) {
            gaps = Arrays.copyOf(gaps, count * 2);
        }
        long gap = now - last;
        gaps[count++] = gap;
        if (gap > maxGap) {
            maxGap = gap;
            maxGapEndMillis = System.currentTimeMillis();
        }
        last = now;
    }

    long maxGapEndMillis() {
        return maxGapEndMillis;
    }

    int pulses() {
        return count;
    }

    long maxGapNanos() {
        long max = 0;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, gaps[i]);
        }
        return max;
    }

    long percentileNanos(double p) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(gaps, count);
        Arrays.sort(sorted);
        return sorted[Math.max(0, Math.min(count - 1, (int) Math.ceil(p / 100 * count) - 1))];
    }
}
