package riko.modules.operator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.SignalType;
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

/**
 * riko's {@code send}: passes items through and delivers a copy of each to named
 * {@link Receive receivers} (riko's synchronous engine).
 *
 * <p><b>Conf.</b> {@code max_wait} (default 5) and {@code name} are accepted and unused (riko's
 * asynchronous engine reads {@code max_wait}; its synchronous one, which this port follows, does
 * not). Per-call option {@code others} (required): the receiver names. In Java they are bound with
 * {@link #to(String...)}; the registered module has none.
 *
 * <p><b>Emits</b> every input item unchanged, in order. Lazy: as each item is requested it is
 * first delivered to each named receiver, then emitted. A name with no registered receiver logs
 * an error and the item is dropped for that name; delivery to the others continues. When the
 * output completes or is cancelled (not when it fails), a DONE marker goes to each receiver it
 * reached, addressed to that exact registration: a receiver registered later under the same name
 * does not get it. (riko delivers DONE only when its send runs inside a pipe object; every send is
 * such a pipe here.) The channel registry is JVM-wide, see {@link Receive}.
 *
 * <p><b>Streams wired into {@code _OTHER*}</b> ({@link ModuleCall#others()}, the only way a JSON
 * pipeline can fill {@code others}) are not receiver names: riko looks each stream up as a name,
 * finds no receiver and logs an error for every item, and never reads the stream. This port does
 * the same (one error per stream and run) and never subscribes to them. So a {@code receive}
 * wired into a {@code send} gets nothing from it; the conformance case {@code send-receive-union}
 * records exactly that (the receive, read later by a {@code union}, only yields its PENDING
 * markers).
 *
 * <p><b>Errors.</b> A send with neither receiver names nor wired streams is a
 * {@link ConfException} at assembly (riko fails at the first item for lack of {@code others}).
 * A receiver function ({@link Receive#withFunction}) that throws fails the send (riko too), and
 * then no DONE is delivered.
 *
 * <p><b>Example.</b> {@code Pipe.from(items).pipe(Send.to("everything"), Map.of(), CallOptions.none())}
 * with {@code Pipe.of("receive", Map.of("name", "everything"))} subscribed first; in JSON (where no
 * receiver can be named, see above): {@code {"type": "send", "conf": {}}} with a wire into its
 * {@code _INPUT}.
 */
public final class Send extends OperatorModule {

  private static final Logger LOG = LoggerFactory.getLogger(Send.class);

  private final List<String> receivers;

  /** The module, as registered: no receiver names (a pipeline wires streams into {@code others}). */
  public Send() {
    this(List.of());
  }

  private Send(List<String> receivers) {
    super(new ModuleMetadata("send", ModuleType.OPERATOR, List.of(ModuleSubtype.COMPOSER), false, true,
            "Passes items through and delivers a copy of each to named in-process receivers."),
        defaults(), "send");
    this.receivers = List.copyOf(receivers);
  }

  private static Map<String, @Nullable Object> defaults() {
    Map<String, @Nullable Object> defaults = new LinkedHashMap<>();
    defaults.put("max_wait", 5L);
    return defaults;
  }

  /** A send delivering to these receiver names (riko's {@code others=[...]}), in this order. */
  public static Send to(String... receivers) {
    return to(List.of(receivers));
  }

  /** A send delivering to these receiver names, in this order. */
  public static Send to(List<String> receivers) {
    return new Send(receivers);
  }

  /** The receiver names this send delivers to. */
  public List<String> receivers() {
    return receivers;
  }

  @Override
  protected void validate(RawConf conf, ModuleCall call) {
    if (receivers.isEmpty() && call.others().isEmpty()) {
      throw new ConfException(call.label(), "others", "is required: send needs receiver names "
          + "(Send.to(\"name\", ...) in Java); a pipeline definition can only wire streams into _OTHER");
    }
  }

  @Override
  protected OperatorResult operate(Flux<Item> items, ResolvedConf conf, ModuleCall call) {
    return OperatorResult.stream(delivering(items, call.label(), receivers, call.others().size()));
  }

  /**
   * The operation itself, for Java callers: {@code flux.transform(Send.of(List.of("news")))}
   * passes the items through, delivering each to the receivers named.
   */
  public static Function<Flux<Item>, Flux<Item>> of(List<String> receivers) {
    List<String> names = List.copyOf(receivers);
    return items -> delivering(items, "send", names, 0);
  }

  /** {@code items}, each delivered to {@code names} as it passes, with one {@link Delivery} per subscription. */
  private static Flux<Item> delivering(Flux<Item> items, String label, List<String> names, int wired) {
    return Flux.defer(() -> {
      Delivery delivery = new Delivery(label, names, wired);
      return items.doOnNext(delivery::deliver).doFinally(delivery::finish);
    });
  }

  /** One run's deliveries: which registration each name last reached, for DONE. */
  private static final class Delivery {
    private final String label;
    private final List<String> names;
    private final int wired;
    private final Map<String, Channels.Channel> reached = new LinkedHashMap<>();
    private boolean warned;

    Delivery(String label, List<String> names, int wired) {
      this.label = label;
      this.names = names;
      this.wired = wired;
    }

    void deliver(Item item) {
      if (wired > 0 && !warned) {
        warned = true;
        for (int i = 1; i <= wired; i++) {
          LOG.error("{}: stream #{} wired into its _OTHER inputs is not a receiver name, so nothing is sent to it "
              + "and it is not read (as in riko: send delivers to receivers by name, which a pipeline definition "
              + "cannot give)", label, i);
        }
      }
      for (String name : names) {
        Channels.Channel channel = Channels.SHARED.deliver(label, name, item);
        if (channel != null) {
          synchronized (reached) {
            reached.put(name, channel);
          }
        }
      }
    }

    void finish(SignalType signal) {
      if (signal == SignalType.ON_ERROR) {
        return;
      }
      List<Channels.Channel> targets;
      synchronized (reached) {
        targets = List.copyOf(reached.values());
      }
      targets.forEach(Channels.SHARED::complete);
    }
  }
}
