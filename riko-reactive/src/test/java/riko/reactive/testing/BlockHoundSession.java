package riko.reactive.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import reactor.blockhound.BlockHound;

/**
 * Installs BlockHound once for the whole test JVM, before any test runs, so that every
 * riko-reactive test fails with a {@code BlockingOperationError} when something blocks a Netty
 * event loop or a Reactor non-blocking scheduler ({@code parallel()}). Registered in
 * {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener}; the JVM needs
 * {@code -XX:+AllowRedefinitionToAddDeleteMethods} (set in the module's surefire {@code argLine}).
 *
 * <p>Allow-listed below, each with its reason, are only calls known to be harmless.
 */
public final class BlockHoundSession implements LauncherSessionListener {

  /** Installs BlockHound; later sessions in the same JVM find it installed already. */
  @Override
  public void launcherSessionOpened(LauncherSession session) {
    BlockHound.install(builder -> builder
        // Cancelling a timed task (Flux.interval, Mono.delay, a response timeout) removes it from
        // its scheduler's queue under that queue's lock, held for a few instructions; under load
        // the lock can be contended and the thread parks briefly. Reactor's own integration
        // allows the queue's offer and take for the same reason.
        .allowBlockingCallsInside("java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue", "remove"));
  }
}
