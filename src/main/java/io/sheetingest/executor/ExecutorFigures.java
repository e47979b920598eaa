package io.sheetingest.executor;

/**
 * Live figures of one managed executor.
 *
 * @param name                  {@code cpu} or {@code io}
 * @param configuredThreads     the size it was created with
 * @param sizeSource            {@code default} (formula) or {@code override} (setting)
 * @param threadsAlive          threads that exist now
 * @param activeTasks           tasks running now
 * @param queuedTasks           tasks waiting for a thread
 * @param queueCapacity         how many tasks may wait before submissions are refused
 * @param completedTasks        tasks finished since start
 * @param rejectedTasks         submissions refused because the queue was full
 * @param longestRunningMillis  how long the oldest running task has been running
 * @param shuttingDown          no longer accepting work
 * @param terminated            all threads have ended
 */
public record ExecutorFigures(
        String name,
        int configuredThreads,
        String sizeSource,
        int threadsAlive,
        int activeTasks,
        int queuedTasks,
        int queueCapacity,
        long completedTasks,
        long rejectedTasks,
        long longestRunningMillis,
        boolean shuttingDown,
        boolean terminated) {
}
