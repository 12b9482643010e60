package riko.reactive.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import riko.conf.ConfException;
import riko.spi.ResourceInfo;

class ResponseCharsetTest {

  private static final Charset LATIN_1 = StandardCharsets.ISO_8859_1;
  private static final String TEXT = "Zoë Ångström straße 😀 €";

  private static ResourceInfo info(String contentType) {
    return new ResourceInfo("http://127.0.0.1/x", contentType);
  }

  @Test
  void theResponsesCharsetWins() {
    assertThat(ResponseCharset.of(info("text/html; charset=utf-8"), LATIN_1)).isEqualTo(StandardCharsets.UTF_8);
    assertThat(ResponseCharset.of(info("application/json; charset=\"ISO-8859-1\""), StandardCharsets.UTF_8)).isEqualTo(LATIN_1);
  }

  @Test
  void textWithoutCharsetIsLatin1WhateverTheEncodingConfSays() {
    assertThat(ResponseCharset.of(info("text/plain"), StandardCharsets.UTF_8)).isEqualTo(LATIN_1);
    assertThat(ResponseCharset.of(info("TEXT/CSV"), StandardCharsets.UTF_16)).isEqualTo(LATIN_1);
  }

  @Test
  void otherResponsesWithoutCharsetUseTheEncodingConf() {
    assertThat(ResponseCharset.of(info("application/xml"), StandardCharsets.UTF_16)).isEqualTo(StandardCharsets.UTF_16);
    assertThat(ResponseCharset.of(info(null), LATIN_1)).isEqualTo(LATIN_1);
    assertThat(ResponseCharset.of(info("application/json; charset=no-such-charset"), StandardCharsets.UTF_8))
        .isEqualTo(StandardCharsets.UTF_8);
  }

  @Test
  void encodingConfAcceptsJavaAndPythonSpellings() {
    assertThat(ResponseCharset.forEncoding("fetchdata", "utf-8")).isEqualTo(StandardCharsets.UTF_8);
    assertThat(ResponseCharset.forEncoding("fetchdata", "UTF8")).isEqualTo(StandardCharsets.UTF_8);
    assertThat(ResponseCharset.forEncoding("fetchdata", "utf_8")).isEqualTo(StandardCharsets.UTF_8);
    assertThat(ResponseCharset.forEncoding("fetchdata", "latin-1")).isEqualTo(LATIN_1);
    assertThat(ResponseCharset.forEncoding("fetchdata", "latin_1")).isEqualTo(LATIN_1);
    assertThat(ResponseCharset.forEncoding("fetchdata", "iso-8859-1")).isEqualTo(LATIN_1);
  }

  @Test
  void unknownEncodingIsAConfErrorNamingModuleAndKey() {
    assertThatThrownBy(() -> ResponseCharset.forEncoding("fetchdata (sw-1)", "utf-9"))
        .isInstanceOf(ConfException.class)
        .hasMessageContaining("fetchdata (sw-1)")
        .hasMessageContaining("encoding")
        .hasMessageContaining("utf-9");
  }

  @Test
  void decodesCharactersSplitAcrossChunks() {
    for (Charset charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16)) {
      byte[] bytes = TEXT.getBytes(charset);
      List<byte[]> oneByteChunks = new ArrayList<>();
      for (byte b : bytes) {
        oneByteChunks.add(new byte[] {b});
      }
      String joined = ResponseCharset.decode(Flux.fromIterable(oneByteChunks), charset)
          .collectList().map(parts -> String.join("", parts)).block(Duration.ofSeconds(5));
      assertThat(joined).as(charset.name()).isEqualTo(TEXT);
    }
  }

  @Test
  void surrogatePairsAreNeverSplitBetweenEmittedStrings() {
    byte[] bytes = "a😀b".getBytes(StandardCharsets.UTF_16BE);
    // the pair's high surrogate ends the first chunk, its low surrogate starts the second
    StepVerifier.create(ResponseCharset.decode(Flux.just(java.util.Arrays.copyOf(bytes, 4),
            java.util.Arrays.copyOfRange(bytes, 4, bytes.length)), StandardCharsets.UTF_16BE))
        .expectNext("a")
        .expectNext("😀b")
        .expectComplete()
        .verify(Duration.ofSeconds(5));
  }

  @Test
  void invalidBytesBecomeReplacementCharacters() {
    byte[] bytes = {'a', (byte) 0xC3, 'b', (byte) 0xE2, (byte) 0x82};
    assertThat(ResponseCharset.decode(bytes, StandardCharsets.UTF_8)).isEqualTo("a\uFFFDb\uFFFD");
  }

  @Test
  void latin1DecodesEveryByte() {
    assertThat(ResponseCharset.decode(new byte[] {(byte) 0xE9, (byte) 0xFF}, LATIN_1)).isEqualTo("éÿ");
    assertThat(ResponseCharset.decode("é".getBytes(StandardCharsets.UTF_8), LATIN_1)).isEqualTo("Ã©");
  }

  @Test
  void emptyBodyDecodesToNothing() {
    StepVerifier.create(ResponseCharset.decode(Flux.empty(), StandardCharsets.UTF_8))
        .expectComplete()
        .verify(Duration.ofSeconds(5));
  }
}
