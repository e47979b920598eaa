package io.sheetingest.ingest;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.sheetingest.problem.Problem;

/**
 * One claim of a job by a replica.
 *
 * @param attempt    1-based attempt number
 * @param owner      the replica that claimed it
 * @param startedAt  when it was claimed
 * @param finishedAt when it ended; absent while running or when its replica died
 * @param outcome    succeeded, failed, retried, released, cancelled or lease_lost
 * @param error      what stopped it
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobAttempt(int attempt, String owner, OffsetDateTime startedAt, OffsetDateTime finishedAt,
        String outcome, Problem error) {
}
