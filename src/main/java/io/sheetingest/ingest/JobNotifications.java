package io.sheetingest.ingest;

import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;

/**
 * Wakes the dispatcher the moment any replica queues a job, through PostgreSQL {@code LISTEN/NOTIFY} on a dedicated
 * reactive connection that reconnects by itself. The dispatcher's slow poll remains the safety net.
 */
@ApplicationScoped
public class JobNotifications {

    private static final Logger LOG = Logger.getLogger(JobNotifications.class);

    private PgSubscriber subscriber;

    void start(@Observes StartupEvent event, Vertx vertx, JobDispatcher dispatcher,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""))
                .setUser(user)
                .setPassword(password.orElse(null));
        subscriber = PgSubscriber.subscriber(vertx, options)
                .reconnectPolicy(retries -> 2_000L);
        subscriber.channel(JobRepository.CHANNEL)
                .handler(payload -> dispatcher.wake());
        subscriber.connect()
                .subscribe()
                .with(ok -> LOG.debugf("listening on channel=%s", JobRepository.CHANNEL),
                        e -> LOG.warnf("cannot listen for job notifications (%s); polling only", e.getMessage()));
    }

    @PreDestroy
    void stop() {
        if (subscriber != null) {
            subscriber.closeAndAwait();
        }
    }
}
