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
    BlockHound.install();
  }
}
