package riko.modules.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static riko.testing.ModuleRunner.conf;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;
import riko.conf.CallOptions;
import riko.conf.ConfException;
import riko.item.Item;
import riko.spi.ModuleCall;
import riko.spi.ModuleContext;
import riko.spi.ModuleException;
import riko.spi.ModuleType;
import riko.spi.UserFunction;
import riko.testing.ModuleRunner;

class ReceiveTest {

  private static final Item PENDING = Item.of("state", "PENDING");

  /** A channel name no other test uses (the registry is JVM-wide). */
  private static String unique() {
    return "receive-test-" + UUID.randomUUID();
  }

  private static Flux<Item> receiver(Receive module, String confJson) {
    return Flux.<Item>empty().transform(module.create(ModuleCall.of("receive", conf(confJson))));
  }

  private static Flux<Item> receiver(String confJson) {
    return receiver(new Receive(), confJson);
  }

  private static String confFor(String name, String rest) {
    return "{\"name\": \"" + name + "\"" + (rest.isEmpty() ? "" : ", " + rest) + "}";
  }

  /** Sends the items to {@code name} and completes (so DONE follows them). */
  private static void send(String name, Item... items) {
    Flux.just(items).transform(Send.of(List.of(name))).blockLast(ModuleRunner.TIMEOUT);
  }

  private static Item x(long n) {
    return Item.of("x", n);
  }

  @Test
  void theSpecExampleYieldsPendingThenTheSentItem() {
    // modules.md receive: pull receiver -> PENDING; sender sends {x: 0}; pull receiver -> {x: 0}
    String name = unique();
    Flux<Item> sender = Flux.range(0, 5).map(n -> x(n)).transform(Send.of(List.of(name)));
    StepVerifier.withVirtualTime(() -> receiver(confFor(name, "\"wait\": 0.01, \"max_wait\": 2")), 0)
        .thenRequest(1)
        .thenAwait(Duration.ofMillis(10))
        .expectNext(PENDING)
        .then(() -> StepVerifier.create(sender, 1).expectNext(x(0)).thenCancel().verify(ModuleRunner.TIMEOUT))
        .thenRequest(1)
        .expectNext(x(0))
        .thenRequest(1)
        .expectComplete() // the cancelled sender delivered DONE
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void anIdleReceiverYieldsOnePendingMarkerPerWaitUntilMaxWait() {
    // the conformance case send-receive-union: wait 0.5, max_wait 1 gives two markers
    StepVerifier.withVirtualTime(() -> receiver(confFor(unique(),
            "\"wait\": {\"type\": \"float\", \"value\": \"0.5\"}, \"max_wait\": {\"type\": \"float\", \"value\": \"1\"}")))
        .expectSubscription()
        .expectNoEvent(Duration.ofMillis(499))
        .thenAwait(Duration.ofMillis(1))
        .expectNext(PENDING)
        .expectNoEvent(Duration.ofMillis(499))
        .thenAwait(Duration.ofMillis(1))
        .expectNext(PENDING)
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void theDefaultsWaitOneSecondAndGiveUpAfterFive() {
    StepVerifier.withVirtualTime(() -> receiver(confFor(unique(), "")))
        .expectSubscription()
        .expectNoEvent(Duration.ofMillis(999))
        .thenAwait(Duration.ofSeconds(10))
        .expectNext(PENDING, PENDING, PENDING, PENDING, PENDING)
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void idleTimeAddsUpLikePythonFloats() {
    // 0.1 + 0.1 + 0.1 = 0.30000000000000004 reaches 0.3 after three waits;
    // 0.3 + 0.3 + 0.3 = 0.8999999999999999 does not reach 0.9, so a fourth wait follows
    StepVerifier.withVirtualTime(() -> receiver(confFor(unique(), "\"wait\": 0.1, \"max_wait\": 0.3")))
        .thenAwait(Duration.ofSeconds(5))
        .expectNextCount(3)
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
    StepVerifier.withVirtualTime(() -> receiver(confFor(unique(), "\"wait\": 0.3, \"max_wait\": 0.9")))
        .thenAwait(Duration.ofSeconds(5))
        .expectNextCount(4)
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void aReceivedItemRestartsTheIdleTime() {
    String name = unique();
    StepVerifier.withVirtualTime(() -> receiver(confFor(name, "\"wait\": 1, \"max_wait\": 2")))
        .expectSubscription()
        .thenAwait(Duration.ofMillis(1500))
        .expectNext(PENDING)
        .then(() -> Channels.SHARED.deliver("test", name, x(7)))
        .thenAwait(Duration.ofMillis(500))
        .expectNext(PENDING, x(7))
        .thenAwait(Duration.ofSeconds(2))
        .expectNext(PENDING, PENDING)
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void doneEndsTheReceiverAndUnregistersIt() {
    String name = unique();
    StepVerifier.withVirtualTime(() -> receiver(confFor(name, "\"wait\": 1, \"max_wait\": 60")))
        .expectSubscription()
        .then(() -> assertThat(Channels.SHARED.registered(name)).isNotNull())
        .then(() -> send(name, x(0), x(1)))
        .thenAwait(Duration.ofSeconds(1))
        .expectNext(PENDING, x(0), x(1))
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
    assertThat(Channels.SHARED.registered(name)).isNull();
  }

  @Test
  void giveUpAfterMaxWaitUnregistersToo() {
    String name = unique();
    StepVerifier.withVirtualTime(() -> receiver(confFor(name, "\"wait\": 1, \"max_wait\": 1")))
        .thenAwait(Duration.ofSeconds(1))
        .expectNext(PENDING)
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
    assertThat(Channels.SHARED.registered(name)).isNull();
  }

  @Test
  void itemsSentBeforeTheReceiverStartsAreDropped() {
    String name = unique();
    send(name, x(0)); // logs an error: no receiver yet
    StepVerifier.withVirtualTime(() -> receiver(confFor(name, "\"wait\": 1, \"max_wait\": 1")))
        .thenAwait(Duration.ofSeconds(1))
        .expectNext(PENDING)
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void maxLenDropsTheOldestEntries() {
    // DONE takes a queue slot too (riko): x0 and x1 are dropped, x2 and DONE remain
    String name = unique();
    StepVerifier.withVirtualTime(() -> receiver(confFor(name, "\"wait\": 1, \"max_wait\": 60, \"max_len\": 2")))
        .expectSubscription()
        .then(() -> send(name, x(0), x(1), x(2)))
        .thenAwait(Duration.ofSeconds(1))
        .expectNext(PENDING, x(2))
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void maxLenZeroDropsEverything() {
    String name = unique();
    StepVerifier.withVirtualTime(() -> receiver(confFor(name, "\"wait\": 1, \"max_wait\": 2, \"max_len\": 0")))
        .expectSubscription()
        .then(() -> send(name, x(0), x(1)))
        .thenAwait(Duration.ofSeconds(2))
        .expectNext(PENDING, PENDING) // not even DONE arrived: it ends by max_wait
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void withoutMaxLenTheQueueIsUnbounded() {
    String name = unique();
    Item[] many = new Item[1000];
    for (int i = 0; i < many.length; i++) {
      many[i] = x(i);
    }
    StepVerifier.withVirtualTime(() -> receiver(confFor(name, "\"wait\": 1, \"max_wait\": 60")))
        .expectSubscription()
        .then(() -> send(name, many))
        .thenAwait(Duration.ofSeconds(1))
        .expectNext(PENDING)
        .expectNextSequence(List.of(many))
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void anEmptyNameRegistersARandomName() {
    Set<String> before = new HashSet<>(Channels.SHARED.names());
    AtomicReference<Set<String>> during = new AtomicReference<>();
    StepVerifier.withVirtualTime(() -> receiver("{\"wait\": 1, \"max_wait\": 1}"))
        .expectSubscription()
        .then(() -> during.set(new HashSet<>(Channels.SHARED.names())))
        .thenAwait(Duration.ofSeconds(1))
        .expectNext(PENDING)
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
    Set<String> added = new HashSet<>(during.get());
    added.removeAll(before);
    assertThat(added).singleElement().asString().matches("[a-z]+-[a-z]{6}");
  }

  @Test
  void theInputStreamIsIgnored() {
    AtomicBoolean subscribed = new AtomicBoolean();
    Flux<Item> input = Flux.just(x(1)).doOnSubscribe(s -> subscribed.set(true));
    StepVerifier.withVirtualTime(() -> input.transform(new Receive().create(ModuleCall.of("receive",
            conf(confFor(unique(), "\"wait\": 1, \"max_wait\": 1"))))))
        .thenAwait(Duration.ofSeconds(1))
        .expectNext(PENDING)
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
    assertThat(subscribed).isFalse();
  }

  @Test
  void aFunctionTransformsEachItemAsItIsDelivered() {
    String name = unique();
    List<String> threads = new ArrayList<>();
    Receive doubling = Receive.withFunction(item -> {
      threads.add(Thread.currentThread().getName());
      return ((Long) item.get("x")) * 2;
    });
    StepVerifier.withVirtualTime(() -> receiver(doubling, confFor(name, "\"wait\": 1, \"max_wait\": 60")))
        .expectSubscription()
        .then(() -> send(name, x(1), x(2)))
        .then(() -> assertThat(threads).containsOnly(Thread.currentThread().getName())) // the sender's thread
        .thenAwait(Duration.ofSeconds(1))
        .expectNext(PENDING, Item.ofValue(2L), Item.ofValue(4L))
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void theFuncOptionNamesARegisteredFunction() {
    String name = unique();
    ModuleCall call = ModuleCall.of("receive", conf(confFor(name, "\"wait\": 1, \"max_wait\": 60")))
        .withOptions(CallOptions.none().withFunc(UserFunction.named("double")))
        .withContext(ModuleContext.defaults().withFunction("double", UserFunction.perItem(item -> ((Long) item.get("x")) * 2)));
    StepVerifier.withVirtualTime(() -> Flux.<Item>empty().transform(new Receive().create(call)))
        .expectSubscription()
        .then(() -> send(name, x(3)))
        .thenAwait(Duration.ofSeconds(1))
        .expectNext(PENDING, Item.ofValue(6L))
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void anUnregisteredFuncFailsAtAssembly() {
    ModuleCall call = ModuleCall.of("receive", conf(confFor(unique(), "")))
        .withOptions(CallOptions.none().withFunc(UserFunction.named("missing")));
    assertThatThrownBy(() -> new Receive().create(call))
        .isInstanceOf(ConfException.class)
        .hasMessageContaining("receive")
        .hasMessageContaining("'missing'");
  }

  @Test
  void aFunctionReturningNullYieldsARawNull() {
    String name = unique();
    StepVerifier.withVirtualTime(() -> receiver(Receive.withFunction(item -> null), confFor(name, "\"wait\": 1, \"max_wait\": 60")))
        .expectSubscription()
        .then(() -> send(name, x(1)))
        .thenAwait(Duration.ofSeconds(1))
        .expectNext(PENDING)
        .assertNext(item -> {
          assertThat(item.isRaw()).isTrue();
          assertThat(item.rawValue()).isNull();
        })
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void aSecondReceiverOfANameSharesTheQueueAndFailsOnceTheOtherClosesIt() {
    String name = unique();
    String conf = confFor(name, "\"wait\": 1, \"max_wait\": 60");
    VirtualTimeScheduler time = VirtualTimeScheduler.getOrSet();
    try {
      Collector first = new Collector(2);
      Collector second = new Collector(Long.MAX_VALUE);
      receiver(conf).subscribe(first);  // registers the name
      receiver(conf).subscribe(second); // joins the same queue
      Channels.SHARED.deliver("test", name, x(0));
      Channels.SHARED.deliver("test", name, x(1));
      time.advanceTimeBy(Duration.ofSeconds(1));
      assertThat(first.items).containsExactly(PENDING, x(0)); // it asked for two elements only
      assertThat(second.items).containsExactly(PENDING, x(1));
      Channels.SHARED.complete(Channels.SHARED.registered(name));
      time.advanceTimeBy(Duration.ofSeconds(1));
      assertThat(second.completed).isTrue(); // the second took DONE and closed the registration
      assertThat(Channels.SHARED.registered(name)).isNull();
      first.request(1);
      assertThat(first.error.get()).isInstanceOf(ModuleException.class)
          .hasMessageContaining("closed by another receiver of the same name");
    } finally {
      VirtualTimeScheduler.reset();
    }
  }

  @Test
  void cancellingTheRegisteringReceiverUnregistersItsName() {
    String name = unique();
    String conf = confFor(name, "\"wait\": 1, \"max_wait\": 60");
    VirtualTimeScheduler.getOrSet();
    try {
      Collector owner = new Collector(Long.MAX_VALUE);
      Collector joiner = new Collector(Long.MAX_VALUE);
      receiver(conf).subscribe(owner);
      receiver(conf).subscribe(joiner);
      joiner.cancel();
      assertThat(Channels.SHARED.registered(name)).isNotNull(); // a joiner leaving changes nothing
      owner.cancel();
      assertThat(Channels.SHARED.registered(name)).isNull();
    } finally {
      VirtualTimeScheduler.reset();
    }
  }

  @Test
  void waitZeroNeverGivesUpQuirk() {
    StepVerifier.create(receiver(confFor(unique(), "\"wait\": 0, \"max_wait\": 1")).take(50))
        .expectNextCount(50)
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void badStaticConfFailsAtAssemblyNamingTheKey() {
    Receive receive = new Receive();
    assertThatThrownBy(() -> receive.create(ModuleCall.of("receive (sw_2)", conf("{\"wait\": -1}"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("receive (sw_2)").hasMessageContaining("'wait'");
    assertThatThrownBy(() -> receive.create(ModuleCall.of("receive", conf("{\"wait\": \"1\"}"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("'wait'").hasMessageContaining("number of seconds");
    assertThatThrownBy(() -> receive.create(ModuleCall.of("receive", conf("{\"max_wait\": \"x\"}"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("'max_wait'");
    assertThatThrownBy(() -> receive.create(ModuleCall.of("receive", conf("{\"max_len\": -1}"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("'max_len'");
    assertThatThrownBy(() -> receive.create(ModuleCall.of("receive", conf("{\"max_len\": 2.5}"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("'max_len'").hasMessageContaining("whole number");
    assertThatThrownBy(() -> new Receive.Conf("n", Double.NaN, 1, null)).isInstanceOf(ConfException.class);
  }

  @Test
  void aDynamicConfIsCheckedWhenTheStreamRuns() {
    // an operator resolves its conf once against the empty item: the subkey reads null
    Flux<Item> out = receiver("{\"wait\": {\"subkey\": \"w\"}}");
    StepVerifier.create(out)
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ConfException.class).hasMessageContaining("'wait'"))
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void theJavaEntryPointReceivesToo() {
    String name = unique();
    StepVerifier.withVirtualTime(() -> Receive.of(new Receive.Conf(name, 1, 60, null)))
        .expectSubscription()
        .then(() -> send(name, x(5)))
        .thenAwait(Duration.ofSeconds(1))
        .expectNext(PENDING, x(5))
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void metadataIsAPollableComposer() {
    Receive receive = new Receive();
    assertThat(receive.metadata().type()).isEqualTo(ModuleType.OPERATOR);
    assertThat(receive.metadata().subtype()).hasToString("COMPOSER");
    assertThat(receive.metadata().loopable()).isFalse();
    assertThat(receive.metadata().pollable()).isTrue();
  }

  /** Collects what a receiver yields, asking for {@code initial} elements at first. */
  private static final class Collector extends BaseSubscriber<Item> {
    final List<Item> items = new ArrayList<>();
    final AtomicReference<Throwable> error = new AtomicReference<>();
    volatile boolean completed;
    private final long initial;

    Collector(long initial) {
      this.initial = initial;
    }

    @Override
    protected void hookOnSubscribe(Subscription subscription) {
      request(initial);
    }

    @Override
    protected void hookOnNext(Item value) {
      items.add(value);
    }

    @Override
    protected void hookOnComplete() {
      completed = true;
    }

    @Override
    protected void hookOnError(Throwable throwable) {
      error.set(throwable);
    }
  }
}
