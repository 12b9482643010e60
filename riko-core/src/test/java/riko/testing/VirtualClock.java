package riko.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * A clock that moves with a {@link VirtualTimeScheduler}: it reads {@code origin} plus the
 * scheduler's virtual time, so that "now" and "today" advance with
 * {@code StepVerifier.withVirtualTime(..., () -> scheduler, ...)}'s {@code thenAwait}.
 */
public final class VirtualClock extends Clock {

  private final VirtualTimeScheduler scheduler;
  private final Instant origin;
  private final ZoneId zone;

  /** A UTC clock reading {@code origin} at virtual time zero. */
  public VirtualClock(VirtualTimeScheduler scheduler, Instant origin) {
    this(scheduler, origin, ZoneOffset.UTC);
  }

  private VirtualClock(VirtualTimeScheduler scheduler, Instant origin, ZoneId zone) {
    this.scheduler = scheduler;
    this.origin = origin;
    this.zone = zone;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new VirtualClock(scheduler, origin, zone);
  }

  @Override
  public Instant instant() {
    return origin.plusNanos(scheduler.now(TimeUnit.NANOSECONDS));
  }
}
