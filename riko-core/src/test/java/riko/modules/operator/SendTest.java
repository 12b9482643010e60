package riko.modules.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static riko.testing.ModuleRunner.conf;
import static riko.testing.ModuleRunner.items;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import riko.conf.CallOptions;
import riko.conf.ConfException;
import riko.conf.RawConf;
import riko.item.Item;
import riko.json.ItemJson;
import riko.pipe.Pipe;
import riko.spi.ModuleCall;
import riko.spi.ModuleException;
import riko.spi.ModuleType;
import riko.testing.ModuleRunner;

class SendTest {

  /** A channel name no other test uses (the registry is JVM-wide). */
  private static String unique() {
    return "send-test-" + UUID.randomUUID();
  }

  /** Registers {@code name} directly, so the test can look at what arrives. */
  private static Channels.Channel register(String name) {
    return Channels.SHARED.join(name, null, null).channel();
  }

  /** Everything queued on the channel now, DONE as the string "DONE". */
  private static List<Object> drain(Channels.Channel channel) {
    List<Object> entries = new ArrayList<>();
    for (Object entry = channel.poll(); entry != null; entry = channel.poll()) {
      entries.add(entry == Channels.Channel.DONE ? "DONE" : entry);
    }
    return entries;
  }

  private static Flux<Item> sender(Send send, String confJson, List<Item> input) {
    return ModuleRunner.run(send, ModuleCall.of("send", conf(confJson)), input);
  }

  private final List<Item> two = items("[{\"x\": 0}, {\"x\": 1}]");

  @Test
  void theSpecExamplePassesItemsThroughAndFeedsTheReceiver() {
    String name = unique();
    Channels.Channel channel = register(name);
    StepVerifier.create(sender(Send.to(name), "{}", two))
        .expectNextSequence(two)
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
    assertThat(drain(channel)).containsExactly(two.get(0), two.get(1), "DONE");
    Channels.SHARED.close(channel);
  }

  @Test
  void eachItemIsDeliveredWhenItIsRequestedAndBeforeItIsEmitted() {
    String name = unique();
    Channels.Channel channel = register(name);
    List<Object> seenOnEmit = new ArrayList<>();
    Flux<Item> out = sender(Send.to(name), "{}", two).doOnNext(item -> seenOnEmit.add(drain(channel)));
    StepVerifier.create(out, 0)
        .then(() -> assertThat(drain(channel)).isEmpty()) // nothing before it is pulled
        .thenRequest(1)
        .expectNext(two.get(0))
        .then(() -> assertThat(drain(channel)).isEmpty()) // {x: 1} not yet
        .thenRequest(1)
        .expectNext(two.get(1))
        .thenRequest(1)
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
    assertThat(seenOnEmit).containsExactly(List.of(two.get(0)), List.of(two.get(1)));
    assertThat(drain(channel)).containsExactly("DONE");
    Channels.SHARED.close(channel);
  }

  @Test
  void aNameWithoutReceiverIsSkippedAndTheOthersStillGetEveryItem() {
    String missing = unique();
    String present = unique();
    Channels.Channel channel = register(present);
    StepVerifier.create(sender(Send.to(missing, present), "{}", two))
        .expectNextSequence(two)
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
    assertThat(drain(channel)).containsExactly(two.get(0), two.get(1), "DONE");
    assertThat(Channels.SHARED.registered(missing)).isNull();
    Channels.SHARED.close(channel);
  }

  @Test
  void cancellingTheSenderDeliversDone() {
    String name = unique();
    Channels.Channel channel = register(name);
    StepVerifier.create(sender(Send.to(name), "{}", two).take(1))
        .expectNext(two.get(0))
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
    assertThat(drain(channel)).containsExactly(two.get(0), "DONE");
    Channels.SHARED.close(channel);
  }

  @Test
  void aFailingSenderDeliversNoDone() {
    String name = unique();
    Channels.Channel channel = register(name);
    IllegalStateException boom = new IllegalStateException("boom");
    Flux<Item> failing = Flux.concat(Flux.just(two.get(0)), Flux.error(boom));
    StepVerifier.create(failing.transform(Send.to(name).create(ModuleCall.of("send", RawConf.empty()))))
        .expectNext(two.get(0))
        .expectErrorMatches(e -> e == boom)
        .verify(ModuleRunner.TIMEOUT);
    assertThat(drain(channel)).containsExactly(two.get(0));
    Channels.SHARED.close(channel);
  }

  @Test
  void doneGoesOnlyToTheRegistrationTheSenderReached() {
    String name = unique();
    Channels.Channel old = register(name);
    List<Channels.Channel> later = new ArrayList<>();
    StepVerifier.create(sender(Send.to(name), "{}", two), 1)
        .expectNext(two.get(0))
        .then(() -> {
          Channels.SHARED.close(old);     // the receiver it reached goes away...
          later.add(register(name));      // ...and another registers the same name
        })
        .thenCancel()
        .verify(ModuleRunner.TIMEOUT);
    assertThat(drain(later.get(0))).isEmpty(); // no DONE for a registration it never reached
    Channels.SHARED.close(later.get(0));
  }

  @Test
  void anEmptyRunReachesNobodyAndSendsNoDone() {
    String name = unique();
    Channels.Channel channel = register(name);
    StepVerifier.create(sender(Send.to(name), "{}", List.of())).expectComplete().verify(ModuleRunner.TIMEOUT);
    assertThat(drain(channel)).isEmpty();
    Channels.SHARED.close(channel);
  }

  @Test
  void streamsWiredIntoOthersAreNeitherReadNorSentTo() {
    AtomicBoolean subscribed = new AtomicBoolean();
    Flux<Item> wired = Flux.just(Item.of("state", "PENDING")).doOnSubscribe(s -> subscribed.set(true));
    ModuleCall call = ModuleCall.of("send (sw_3)", RawConf.empty()).withOthers(List.of(wired));
    StepVerifier.create(Flux.fromIterable(two).transform(new Send().create(call)))
        .expectNextSequence(two)
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
    assertThat(subscribed).isFalse();
  }

  @Test
  void aSendWithoutReceiversFailsAtAssembly() {
    assertThatThrownBy(() -> new Send().create(ModuleCall.of("send (sw_3)", RawConf.empty())))
        .isInstanceOf(ConfException.class)
        .hasMessageContaining("send (sw_3)")
        .hasMessageContaining("others");
  }

  @Test
  void maxWaitAndNameAreAcceptedAndUnused() {
    String name = unique();
    Channels.Channel channel = register(name);
    StepVerifier.create(sender(Send.to(name), "{\"max_wait\": 0, \"name\": \"s1\"}", two))
        .expectNextSequence(two)
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
    assertThat(drain(channel)).containsExactly(two.get(0), two.get(1), "DONE");
    Channels.SHARED.close(channel);
  }

  @Test
  void aThrowingReceiverFunctionFailsTheSenderWithoutDone() {
    String name = unique();
    Channels.Channel channel = Channels.SHARED.join(name, null, item -> {
      if (Long.valueOf(1).equals(item.get("x"))) {
        throw new IllegalArgumentException("no ones");
      }
      return item;
    }).channel();
    StepVerifier.create(sender(Send.to(name), "{}", two))
        .expectNext(two.get(0))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class)
            .hasMessageContaining("send").hasMessageContaining("no ones"))
        .verify(ModuleRunner.TIMEOUT);
    assertThat(drain(channel)).containsExactly(two.get(0));
    Channels.SHARED.close(channel);
  }

  @Test
  void theJavaFunctionSendsToo() {
    String name = unique();
    Channels.Channel channel = register(name);
    StepVerifier.create(Flux.fromIterable(two).transform(Send.of(List.of(name))))
        .expectNextSequence(two)
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
    assertThat(drain(channel)).containsExactly(two.get(0), two.get(1), "DONE");
    assertThat(Send.to(name, "b").receivers()).containsExactly(name, "b");
    Channels.SHARED.close(channel);
  }

  @Test
  void theCookbookFlowFeedsTwoPrimedReceivers() {
    // apis.md 7: source -> send(everything) -> filter(score > 500) -> send(breaking) -> sort(score)
    String everything = unique();
    String breaking = unique();
    List<Item> all = Collections.synchronizedList(new ArrayList<>());
    List<Item> big = Collections.synchronizedList(new ArrayList<>());
    Flux<Item> everythingOut = Pipe.start().pipe(Receive.withFunction(item -> add(all, item)),
        Map.of("name", everything, "wait", 0.01, "max_wait", 5), CallOptions.none()).flux().cache();
    Flux<Item> breakingOut = Pipe.start().pipe(Receive.withFunction(item -> add(big, item)),
        Map.of("name", breaking, "wait", 0.01, "max_wait", 5), CallOptions.none()).flux().cache();
    everythingOut.subscribe(); // primed: registered before anything is sent
    breakingOut.subscribe();

    List<Item> result = Pipe.from(List.of(
            Map.of("title", "quiet", "score", 42),
            Map.of("title", "breaking: riko 4.0", "score", 980),
            Map.of("title", "also big", "score", 750)))
        .pipe(Send.to(everything), Map.of(), CallOptions.none())
        .filter(Map.of("rule", Map.of("field", "score", "op", "greater", "value", 500)))
        .pipe(Send.to(breaking), Map.of(), CallOptions.none())
        .sort(Map.of("rule", Map.of("field", "score")))
        .toList(ModuleRunner.TIMEOUT);

    assertThat(result).extracting(item -> item.get("title")).containsExactly("also big", "breaking: riko 4.0");
    everythingOut.blockLast(ModuleRunner.TIMEOUT); // each receiver ends on its sender's DONE
    breakingOut.blockLast(ModuleRunner.TIMEOUT);
    assertThat(all).extracting(item -> item.get("title")).containsExactly("quiet", "breaking: riko 4.0", "also big");
    assertThat(big).extracting(item -> item.get("title")).containsExactly("breaking: riko 4.0", "also big");
    assertThat(Channels.SHARED.registered(everything)).isNull();
    assertThat(Channels.SHARED.registered(breaking)).isNull();
  }

  private static @Nullable Object add(List<Item> list, Item item) {
    list.add(item);
    return null;
  }

  @Test
  void aReceiveWiredIntoASendOnlyYieldsItsMarkers() {
    // the conformance case send-receive-union, offline: the receive's stream is not a receiver
    // name, so the send never reads it; the union reads it afterwards and gets its PENDING markers
    String wire = "{\"id\": \"%s\", \"src\": {\"id\": \"_OUTPUT\", \"moduleid\": \"%s\"}, \"tgt\": {\"id\": \"%s\", \"moduleid\": \"%s\"}}";
    String json = """
        {"modules": [
          {"id": "sw-1", "type": "itembuilder", "conf": {"attrs": [{"key": "content", "value": "10"}]}},
          {"id": "sw-2", "type": "receive", "conf": {"name": {"type": "text", "value": "%s"},
            "wait": {"type": "float", "value": "0.05"}, "max_wait": {"type": "float", "value": "0.1"}}},
          {"id": "sw-3", "type": "send", "conf": {"name": {"type": "text", "value": "s1"}}},
          {"id": "sw-4", "type": "union", "conf": {}},
          {"id": "_OUTPUT", "type": "output", "conf": {}}],
         "wires": [%s, %s, %s, %s, %s]}
        """.formatted(unique(), wire.formatted("_w1", "sw-1", "_INPUT", "sw-3"), wire.formatted("_w2", "sw-2", "_OTHER1", "sw-3"),
        wire.formatted("_w3", "sw-3", "_INPUT", "sw-4"), wire.formatted("_w4", "sw-2", "_OTHER1", "sw-4"),
        wire.formatted("_w5", "sw-4", "_INPUT", "_OUTPUT"));
    List<String> out = riko.pipeline.Pipeline.of(riko.pipeline.PipelineReader.parse("sr.json", json)).toList().stream()
        .map(ItemJson::toJson).toList();
    assertThat(out).containsExactly("{\"content\":\"10\"}", "{\"state\":\"PENDING\"}", "{\"state\":\"PENDING\"}");
  }

  @Test
  void metadataIsAPollableComposer() {
    Send send = new Send();
    assertThat(send.metadata().type()).isEqualTo(ModuleType.OPERATOR);
    assertThat(send.metadata().subtype()).hasToString("COMPOSER");
    assertThat(send.metadata().loopable()).isFalse();
    assertThat(send.metadata().pollable()).isTrue();
  }

  @Test
  void aSenderDoesNotWaitForItsReceivers() {
    // the synchronous engine's send never blocks: a full-speed run finishes without any receiver reading
    String name = unique();
    Channels.Channel channel = register(name);
    StepVerifier.create(sender(Send.to(name), "{}", items("[1, 2, 3]")))
        .expectNextCount(3)
        .expectComplete()
        .verify(Duration.ofSeconds(1));
    assertThat(drain(channel)).hasSize(4);
    Channels.SHARED.close(channel);
  }
}
