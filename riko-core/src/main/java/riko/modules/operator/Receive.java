package riko.modules.operator;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import riko.conf.ConfException;
import riko.conf.RawConf;
import riko.conf.ResolvedConf;
import riko.item.Item;
import riko.spi.ModuleCall;
import riko.spi.ModuleMetadata;
import riko.spi.ModuleSubtype;
import riko.spi.ModuleType;
import riko.spi.OperatorModule;
import riko.spi.OperatorResult;
import riko.spi.UserFunction;
import riko.value.PyStr;
import riko.value.Truthiness;

/**
 * riko's {@code receive}: the reading end of an in-process named channel that {@link Send}
 * delivers to (riko's synchronous engine, a polling receiver).
 *
 * <p><b>Conf.</b>
 * <ul>
 *   <li>{@code name} (text, default {@code ""}): the channel name; empty means a random name
 *       such as {@code quiet-tobkas} (as riko), which no sender can know.</li>
 *   <li>{@code wait} (number of seconds, default 1): how long an idle poll waits before it
 *       yields a {@code {"state": "PENDING"}} marker.</li>
 *   <li>{@code max_wait} (number of seconds, default 5): the receiver ends once it has been idle
 *       this long in a row (the sum of its waits since the last received item).</li>
 *   <li>{@code max_len} (whole number, default unbounded; QUIRK: riko's docs say 256, its code
 *       sets no bound): the queue's capacity; when it is full the oldest entry is dropped with a
 *       warning ({@code 0} drops everything).</li>
 * </ul>
 * The input stream is ignored (never subscribed). Per-call option {@code func} (riko): a
 * function applied to every received item when it is delivered, the receiver yielding its result;
 * in Java, {@link #withFunction(Function)} (a {@code null} result is yielded as a raw
 * {@code null}, as riko yields {@code None}).
 *
 * <p><b>Emits</b>, one poll per requested element: the oldest queued item, if any (and the idle
 * time restarts); otherwise, when the idle time has reached {@code max_wait}, completes; otherwise
 * waits {@code wait} seconds (Reactor's timer on the parallel scheduler, so
 * {@code StepVerifier.withVirtualTime} drives it) and yields the marker
 * {@code {"state": "PENDING"}}. A queued DONE (from a {@link Send} that completed or was
 * cancelled) completes the output. Consumers skip the markers themselves. QUIRK (riko): with
 * {@code wait} 0 the idle time never grows, so only DONE ends the receiver.
 *
 * <p><b>Channels.</b> The receiver registers its name when its output is subscribed (riko: on
 * the first pull), only if no receiver of that name is registered: it must be subscribed before a
 * sender sends, since items sent to an unregistered name are dropped with an error log. The
 * registry is JVM-wide, as riko's is (receivers and senders of different pipes meet by name);
 * runs that must not see each other use different names. A second receiver of an active name
 * shares the first one's queue (riko's synchronous engine), competing for its items; when one of
 * them ends it closes the registration and the other fails on its next poll (riko raises a
 * {@code KeyError} there). The registration ends when the receiver ends, and also when the
 * receiver that registered it is cancelled (riko leaves it registered).
 *
 * <p><b>Errors.</b> {@code wait} negative, infinite or NaN, {@code wait}/{@code max_wait} that are
 * not numbers, and a {@code max_len} that is not a non-negative whole number are
 * {@link ConfException}s (at assembly when the conf is static; riko fails on first use). A
 * registration closed under a sharing receiver is a {@link riko.spi.ModuleException}.
 *
 * <p><b>Example.</b> {@code Pipe.of("receive", Map.of("name", "news", "wait", 0.5))}, subscribed
 * before {@code Pipe.from(items).pipe(Send.to("news"), Map.of(), CallOptions.none())} runs; in
 * JSON: {@code {"type": "receive", "conf": {"name": {"type": "text", "value": "news"},
 * "wait": {"type": "float", "value": "0.5"}, "max_wait": {"type": "float", "value": "1"}}}}.
 * In a JSON pipeline nothing can send to it (a definition cannot name receivers, see
 * {@link Send}), so it yields its PENDING markers and ends after {@code max_wait}.
 */
public final class Receive extends OperatorModule {

  /** The marker an idle poll yields. */
  static final Item PENDING = Item.of("state", "PENDING");

  private static final List<String> ADJECTIVES = List.of("quiet", "brave", "calm", "eager", "fancy", "gentle",
      "happy", "jolly", "kind", "lively", "merry", "nice", "proud", "silly", "witty", "zealous");
  private static final String ONSETS = "bcdfghjklmnprstvwz";
  private static final String VOWELS = "aeiou";
  private static final String CODAS = "bdgklmnprst";

  private final @Nullable Function<? super Item, ?> func;

  /**
   * @param name the channel name; empty for a random one
   * @param waitSeconds {@code wait}: how long an idle poll waits before yielding a PENDING marker
   *     (non-negative, finite)
   * @param maxWaitSeconds {@code max_wait}: how long the receiver stays idle before it ends
   * @param maxLen the queue capacity, or {@code null} for unbounded
   */
  public record Conf(String name, double waitSeconds, double maxWaitSeconds, @Nullable Long maxLen) {
    /** Checks {@code wait} and {@code maxLen}. */
    public Conf {
      check("receive", waitSeconds, maxLen);
    }

    private static void check(String module, double wait, @Nullable Long maxLen) {
      if (!(wait >= 0) || Double.isInfinite(wait) || wait * 1e9 >= Long.MAX_VALUE) {
        throw new ConfException(module, "wait", "must be a finite number of seconds >= 0, was " + PyStr.str(wait));
      }
      if (maxLen != null && maxLen < 0) {
        throw new ConfException(module, "max_len", "must be a whole number >= 0, was " + maxLen);
      }
    }

    static Conf from(ResolvedConf conf) {
      Object name = conf.get("name");
      double wait = seconds(conf, "wait");
      double maxWait = seconds(conf, "max_wait");
      Long maxLen = maxLen(conf);
      check(conf.module(), wait, maxLen);
      return new Conf(Truthiness.isTruthy(name) ? PyStr.str(name) : "", wait, maxWait, maxLen);
    }

    private static double seconds(ResolvedConf conf, String key) {
      Object value = conf.get(key);
      if (value instanceof Number n && !(value instanceof BigDecimal)) {
        return n.doubleValue();
      }
      if (value instanceof BigDecimal d) {
        return d.doubleValue();
      }
      if (value instanceof Boolean b) {
        return b ? 1 : 0;
      }
      throw new ConfException(conf.module(), key, "must be a number of seconds, was " + PyStr.repr(value));
    }

    private static @Nullable Long maxLen(ResolvedConf conf) {
      Object value = conf.get("max_len");
      if (value == null) {
        return null;
      }
      if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
        long n = ((Number) value).longValue();
        if (n < 0) {
          throw new ConfException(conf.module(), "max_len", "must be a whole number >= 0, was " + n);
        }
        return n;
      }
      throw new ConfException(conf.module(), "max_len", "must be a whole number >= 0 (or absent for no bound), was "
          + PyStr.repr(value));
    }

    Duration waitDuration() {
      return Duration.ofNanos(Math.round(waitSeconds * 1e9));
    }
  }

  /** The module, as registered. */
  public Receive() {
    this(null);
  }

  private Receive(@Nullable Function<? super Item, ?> func) {
    super(new ModuleMetadata("receive", ModuleType.OPERATOR, List.of(ModuleSubtype.COMPOSER), false, true,
            "Reads the items senders deliver to a named in-process channel."),
        defaults(), "receive");
    this.func = func;
  }

  private static Map<String, @Nullable Object> defaults() {
    Map<String, @Nullable Object> defaults = new LinkedHashMap<>();
    defaults.put("name", "");
    defaults.put("wait", 1L);
    defaults.put("max_wait", 5L);
    return defaults;
  }

  /**
   * A receiver applying {@code func} to each item as it is delivered (riko's {@code func}
   * option): it queues, and later yields, the function's result instead of the item. The
   * function runs on the sender's thread; if it throws, the sender fails.
   */
  public static Receive withFunction(Function<? super Item, ?> func) {
    return new Receive(Objects.requireNonNull(func, "func"));
  }

  @Override
  protected void validate(RawConf conf, ModuleCall call) {
    staticConf(conf, call).ifPresent(Conf::from);
    function(call); // a named func must be registered
  }

  @Override
  protected OperatorResult operate(Flux<Item> items, ResolvedConf conf, ModuleCall call) {
    return OperatorResult.stream(receive(Conf.from(conf), function(call)));
  }

  /** The function given to {@link #withFunction}, else the call's {@code func} option, if any. */
  private @Nullable Function<? super Item, ?> function(ModuleCall call) {
    if (func != null || call.options().func() == null) {
      return func;
    }
    return UserFunction.require(call, UserFunction.PerItem.class).function();
  }

  /**
   * The operation itself, for Java callers: the items delivered to the channel {@code conf.name()}
   * (with PENDING markers while idle), registering it on subscription.
   */
  public static Flux<Item> of(Conf conf) {
    return receive(conf, null);
  }

  private static Flux<Item> receive(Conf conf, @Nullable Function<? super Item, ?> func) {
    return Flux.create(sink -> {
      String name = conf.name().isEmpty() ? randomName() : conf.name();
      Poller poller = new Poller(Channels.SHARED.join(name, conf.maxLen(), func), conf, sink);
      sink.onRequest(n -> poller.drain());
      sink.onDispose(poller::dispose);
    });
  }

  /**
   * One receiver: polls its channel once per requested element (never ahead of demand, so an
   * item stays queued until someone asks for it), with the idle time since the last item.
   */
  private static final class Poller {
    private final Channels.Joined joined;
    private final FluxSink<Item> sink;
    private final double wait;
    private final double maxWait;
    private final Duration waitDuration;
    private final AtomicInteger wip = new AtomicInteger();
    private double idle;
    private volatile boolean waiting;
    private volatile boolean finished;
    private volatile @Nullable Disposable timer;

    Poller(Channels.Joined joined, Conf conf, FluxSink<Item> sink) {
      this.joined = joined;
      this.sink = sink;
      this.wait = conf.waitSeconds();
      this.maxWait = conf.maxWaitSeconds();
      this.waitDuration = conf.waitDuration();
    }

    /** Polls while there is demand and no wait is under way; one caller at a time. */
    void drain() {
      if (wip.getAndIncrement() != 0) {
        return;
      }
      int missed = 1;
      do {
        while (!waiting && !finished && !sink.isCancelled() && sink.requestedFromDownstream() > 0) {
          Object entry;
          try {
            entry = joined.channel().poll();
          } catch (IllegalStateException e) {
            finished = true;
            sink.error(e);
            break;
          }
          if (entry == Channels.Channel.DONE || (entry == null && idle >= maxWait)) {
            finished = true;
            Channels.SHARED.close(joined.channel()); // before completing, so that the name is free
            sink.complete();
            break;
          }
          if (entry != null) {
            idle = 0;
            sink.next((Item) entry);
            continue;
          }
          waiting = true;
          timer = Mono.delay(waitDuration).subscribe(tick -> {
            idle += wait;
            sink.next(PENDING);
            waiting = false;
            drain();
          });
        }
        missed = wip.addAndGet(-missed);
      } while (missed != 0);
    }

    /** On completion, error or cancellation: stops a pending wait; the registering receiver frees its name. */
    void dispose() {
      Disposable pending = timer;
      if (pending != null) {
        pending.dispose();
      }
      if (joined.owner()) {
        Channels.SHARED.close(joined.channel());
      }
    }
  }

  private static String randomName() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    StringBuilder name = new StringBuilder(ADJECTIVES.get(random.nextInt(ADJECTIVES.size()))).append('-');
    for (int i = 0; i < 2; i++) {
      name.append(ONSETS.charAt(random.nextInt(ONSETS.length())))
          .append(VOWELS.charAt(random.nextInt(VOWELS.length())))
          .append(CODAS.charAt(random.nextInt(CODAS.length())));
    }
    return name.toString();
  }
}
