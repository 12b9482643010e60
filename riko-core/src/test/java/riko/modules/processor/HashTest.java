package riko.modules.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static riko.testing.ModuleRunner.conf;
import static riko.testing.ModuleRunner.item;
import static riko.testing.ModuleRunner.items;
import static riko.testing.ModuleRunner.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import riko.conf.CallOptions;
import riko.conf.RawConf;
import riko.item.Item;
import riko.registry.ModuleRegistry;
import riko.spi.ModuleException;
import riko.spi.ModuleSubtype;
import riko.testing.ModuleRunner;
import riko.value.DecimalNaN;
import riko.value.TimeTuple;

class HashTest {

  private final Hash hash = new Hash();

  @Test
  void hashesTheSpecsTestVectors() {
    Map<Object, Long> vectors = new HashMap<>();
    vectors.put("hello world", 1921504423L);
    vectors.put("greeting", 528683593L);
    vectors.put("a", 1267964084L);
    vectors.put("riko pt. 1", 1104819838L);
    vectors.put("Let's talk about riko!", 197222720L);
    vectors.put("once-was-1x", 396558121L);
    vectors.put("héllo", 2272923351L);
    vectors.put("日本", 2152480586L);
    vectors.put("", 0L);
    vectors.put(5L, 5L);
    vectors.put(1.5, 1L);
    vectors.put(true, 1L);
    vectors.forEach((value, expected) -> assertThat(Hash.of(value)).as("hash of %s", value).isEqualTo(expected));
    assertThat(Hash.of(null)).isEqualTo(4238894112L);
  }

  @Test
  void assignsTheHashOfTheContentField() {
    assertThat(json(hash, RawConf.empty(), items("[{\"content\": \"hello world\"}]")))
        .containsExactly("{\"content\":\"hello world\",\"hash\":1921504423}");
  }

  @Test
  void fieldAndAssignOptionsChooseWhereToReadAndWrite() {
    CallOptions options = CallOptions.none().withField("title").withAssign("result");
    assertThat(json(hash, RawConf.empty(), options, items("[{\"title\": \"greeting\"}]")))
        .containsExactly("{\"title\":\"greeting\",\"result\":528683593}");
  }

  @Test
  void matchesTheHashDefaultConformanceCase() {
    List<Item> words = Words.withContent();
    assertThat(json(hash, conf("{}"), words)).containsExactly(
        "{\"content\":\"hello world\",\"title\":\"Greetings\",\"hash\":1921504423}",
        "{\"content\":\"The Quick Brown Fox jumps over the lazy dog\",\"title\":\"pangram\",\"hash\":2718678706}",
        "{\"content\":\"  padded text  \",\"title\":\"Padded\",\"hash\":1767492031}",
        "{\"content\":\"Ünïcödé straße ÆØÅ\",\"title\":\"unicode\",\"hash\":926974209}",
        "{\"content\":\"\",\"title\":\"empty\",\"hash\":0}",
        "{\"content\":\"a,b,,c,b\",\"title\":\"csv-ish\",\"hash\":3951421761}",
        "{\"content\":\"line one\\nline two\",\"title\":\"multi line\",\"hash\":3455094799}");
  }

  @Test
  void hashesTheRawValueNotItsText() {
    // QUIRK: the conf is not parsed, so the field is not cast to text either.
    assertThat(json(hash, RawConf.empty(), items("[{\"content\": 5}, {\"content\": \"5\"}]")))
        .containsExactly("{\"content\":5,\"hash\":5}", "{\"content\":\"5\",\"hash\":" + Hash.of("5") + "}");
    assertThat(Hash.of("5")).isNotEqualTo(5L);
  }

  @Test
  void aMissingFieldHashesNone() {
    assertThat(json(hash, RawConf.empty(), items("[{\"title\": \"no content\"}]")))
        .containsExactly("{\"title\":\"no content\",\"hash\":4238894112}");
  }

  @Test
  void equalNumbersHashAlikeAsInPython() {
    long one = Hash.of(1L);
    assertThat(List.of(Hash.of(1.0), Hash.of(new BigDecimal("1.00")), Hash.of(true), Hash.of(BigInteger.ONE)))
        .containsOnly(one);
    assertThat(Hash.of(-1L)).as("-1 becomes -2").isEqualTo(4294967294L);
    assertThat(Hash.of(new BigInteger("2305843009213693952"))).as("2**61 mod (2**61 - 1)").isEqualTo(1L);
    assertThat(Hash.of(new BigInteger("1000000000000000000000000000000"))).isEqualTo(962913922L);
    assertThat(Hash.of(0.5)).isEqualTo(Hash.of(new BigDecimal("0.5")));
  }

  @Test
  void floatsAndDecimalsUsePythonsNumericHash() {
    // Values from CPython with PYTHONHASHSEED=94967295.
    assertThat(PythonHash.hash(1.5)).isEqualTo(1152921504606846977L);
    assertThat(Hash.of(-7.25)).isEqualTo(4294967289L);
    assertThat(Hash.of(1e300)).isEqualTo(2149049404L);
    assertThat(Hash.of(Double.POSITIVE_INFINITY)).isEqualTo(314159L);
    assertThat(Hash.of(Double.NEGATIVE_INFINITY)).isEqualTo((-314159L) & 0xFFFF_FFFFL);
    assertThat(Hash.of(new BigDecimal("2.5"))).isEqualTo(2L);
    assertThat(Hash.of(new BigDecimal("1E+3"))).isEqualTo(1000L);
    assertThat(PythonHash.hash(new BigDecimal("-0.1"))).isEqualTo(-2075258708292324556L);
  }

  @Test
  void nanHashesToZero() {
    // DIVERGENCE: CPython hashes NaN by address; 0 is its pre-3.10 hash.
    assertThat(Hash.of(Double.NaN)).isZero();
    assertThat(Hash.of(DecimalNaN.INSTANCE)).isZero();
  }

  @Test
  void stringsUseTheNarrowestCodeUnitWidth() {
    assertThat(PythonHash.hash("hello world")).isEqualTo(-5776148914280868697L);
    assertThat(PythonHash.hash("héllo")).as("latin-1: one byte each").isEqualTo(-2919642564238111017L);
    assertThat(PythonHash.hash("日本")).as("two bytes each").isEqualTo(1470877274257243978L);
    assertThat(PythonHash.hash("😀x")).as("four bytes each").isEqualTo(87002880354903604L);
  }

  @Test
  void datesDateTimesAndTimeTuplesHashAsInPython() {
    assertThat(PythonHash.hash(LocalDate.of(2020, 1, 2))).isEqualTo(8998924037021457751L);
    assertThat(PythonHash.hash(ZonedDateTime.of(2020, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC))).isEqualTo(-9182660791421875889L);
    assertThat(PythonHash.hash(OffsetDateTime.of(2020, 1, 2, 3, 4, 5, 123_000, ZoneOffset.ofHoursMinutes(5, 30))))
        .isEqualTo(5699558969317946571L);
    assertThat(PythonHash.hash(new TimeTuple(LocalDateTime.of(1970, 1, 1, 0, 0)))).isEqualTo(-1120348124187274518L);
    assertThat(PythonHash.ofTuple(1, 2)).isEqualTo(-3550055125485641917L);
  }

  @Test
  void theSecretComesFromTheSeedsGenerator() {
    byte[] secret = PythonHash.randomSecret(PythonHash.SEED, 24);
    int x = (int) PythonHash.SEED;
    x = x * 214013 + 2531011;
    assertThat(secret[0]).isEqualTo((byte) (x >>> 16));
    assertThat(PythonHash.ofBytes(new byte[0])).isZero();
  }

  @Test
  void emitGivesTheBareNumber() {
    List<Item> out = ModuleRunner.list(hash, RawConf.empty(), CallOptions.none().withEmit(true),
        items("[{\"content\": \"a\"}]"));
    assertThat(out).hasSize(1);
    assertThat(out.get(0).rawValue()).isEqualTo(1267964084L);
  }

  @Test
  void rawValuesAreHashedAsTheirContent() {
    assertThat(json(hash, RawConf.empty(), items("[\"hello world\"]")))
        .containsExactly("{\"content\":\"hello world\",\"hash\":1921504423}");
  }

  @Test
  void emptyInputGivesEmptyOutput() {
    assertThat(json(hash, RawConf.empty(), List.of())).isEmpty();
  }

  @Test
  void unhashableValuesFailAfterTheItemsBefore() {
    Item ok = item("{\"content\": \"a\"}");
    Item list = item("{\"content\": [1, 2]}");
    StepVerifier.create(ModuleRunner.run(hash, RawConf.empty(), List.of(ok, list, ok)))
        .expectNextMatches(i -> Long.valueOf(1267964084L).equals(i.get("hash")))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class)
            .hasMessageContaining("hash").hasMessageContaining("unhashable type: 'list'"))
        .verify(ModuleRunner.TIMEOUT);
    assertThatThrownBy(() -> Hash.of(item("{\"a\": 1}"))).hasMessageContaining("unhashable type: 'dict'");
  }

  @Test
  void isLazyAndPreservesOrder() {
    Flux<Item> source = Flux.fromIterable(Arrays.asList(item("{\"content\": \"a\"}"), item("{\"content\": \"\"}")));
    StepVerifier.create(source.transform(hash.create(riko.spi.ModuleCall.of("hash", RawConf.empty()))), 1)
        .expectNextMatches(i -> Long.valueOf(1267964084L).equals(i.get("hash")))
        .thenRequest(1)
        .expectNextMatches(i -> Long.valueOf(0L).equals(i.get("hash")))
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void isRegisteredAsALoopableTransformer() {
    assertThat(ModuleRegistry.standard().find("hash")).get().isInstanceOf(Hash.class);
    assertThat(hash.metadata().subtype()).isEqualTo(ModuleSubtype.TRANSFORMER);
    assertThat(hash.metadata().loopable()).isTrue();
    assertThat(hash.spec().castField()).isFalse();
    assertThat(hash.spec().field()).isEqualTo("content");
    assertThat(hash.spec().assign()).isEqualTo("hash");
  }
}
