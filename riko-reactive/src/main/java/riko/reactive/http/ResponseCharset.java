package riko.reactive.http;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import riko.conf.ConfException;
import riko.spi.ResourceInfo;

/**
 * riko's rules for decoding fetched text, shared by every module that reads text:
 *
 * <ol>
 *   <li>the charset named by the response's {@code Content-Type} wins;
 *   <li>a {@code text/*} response that names no charset is ISO-8859-1 (HTTP/1.1's old default,
 *       which riko applies whatever the module's {@code encoding} says);
 *   <li>anything else (other media types, local files, no content type) uses the module's
 *       {@code encoding} conf, UTF-8 by default.
 * </ol>
 *
 * <p>Bytes that are invalid in the chosen charset decode to U+FFFD rather than failing the
 * stream.
 *
 * <pre>{@code
 * Charset charset = ResponseCharset.of(info, ResponseCharset.forEncoding("fetchtext", "utf-8"));
 * Flux<String> text = ResponseCharset.decode(body, charset);
 * }</pre>
 */
public final class ResponseCharset {

  private ResponseCharset() {}

  /**
   * The charset to decode a response with.
   *
   * @param info the response's metadata
   * @param encoding the module's {@code encoding} conf, already looked up
   */
  public static Charset of(ResourceInfo info, Charset encoding) {
    Optional<Charset> declared = info.charset();
    if (declared.isPresent()) {
      return declared.get();
    }
    if (info.mediaType().startsWith("text/")) {
      return StandardCharsets.ISO_8859_1;
    }
    return encoding;
  }

  /**
   * The charset an {@code encoding} conf names. Python's spellings are accepted too
   * ({@code latin-1}, {@code utf_8}).
   *
   * @param module the module's label, for the error
   * @param encoding the conf value
   * @throws ConfException naming the module and the {@code encoding} key when the JVM knows no
   *     such charset
   */
  public static Charset forEncoding(String module, String encoding) {
    Optional<Charset> charset = lookup(encoding).or(() -> lookup(encoding.replace('_', '-')));
    if (charset.isPresent()) {
      return charset.get();
    }
    String squashed = encoding.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    if (squashed.equals("latin1") || squashed.equals("l1")) {
      return StandardCharsets.ISO_8859_1;
    }
    throw new ConfException(module, "encoding", "names no known charset: '" + encoding + "' (try utf-8 or iso-8859-1)");
  }

  private static Optional<Charset> lookup(String name) {
    try {
      return Optional.of(Charset.forName(name.strip()));
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return Optional.empty();
    }
  }

  /**
   * Decodes a body as it arrives. Characters split across chunks are joined correctly; chunks
   * that complete no character produce nothing.
   */
  public static Flux<String> decode(Flux<byte[]> body, Charset charset) {
    return Flux.defer(() -> {
      ChunkDecoder decoder = new ChunkDecoder(charset);
      return body.map(decoder::decode)
          .concatWith(Mono.fromSupplier(decoder::finish))
          .filter(text -> !text.isEmpty());
    });
  }

  /** Decodes a whole body. */
  public static String decode(byte[] bytes, Charset charset) {
    ChunkDecoder decoder = new ChunkDecoder(charset);
    return decoder.decode(bytes) + decoder.finish();
  }

  /** One decoding pass: keeps the bytes of an unfinished character for the next chunk. */
  private static final class ChunkDecoder {
    private final CharsetDecoder decoder;
    private ByteBuffer leftover = ByteBuffer.allocate(0);
    private char pendingHighSurrogate;

    ChunkDecoder(Charset charset) {
      this.decoder = charset.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }

    String decode(byte[] chunk) {
      ByteBuffer in = ByteBuffer.allocate(leftover.remaining() + chunk.length);
      in.put(leftover).put(chunk).flip();
      StringBuilder text = new StringBuilder(in.remaining());
      run(in, text, false);
      leftover = in.slice();
      return release(text, false);
    }

    String finish() {
      StringBuilder text = new StringBuilder();
      run(leftover, text, true);
      return release(text, true);
    }

    /** Decodes what {@code in} holds (all of it at the end of input), growing the output as needed. */
    private void run(ByteBuffer in, StringBuilder text, boolean endOfInput) {
      CharBuffer out = CharBuffer.allocate(Math.max(16, (int) (in.remaining() * (double) decoder.maxCharsPerByte()) + 1));
      CoderResult result;
      do {
        result = decoder.decode(in, out, endOfInput);
        out.flip();
        text.append(out);
        out.clear();
      } while (result.isOverflow());
      if (endOfInput) {
        do {
          result = decoder.flush(out);
          out.flip();
          text.append(out);
          out.clear();
        } while (result.isOverflow());
      }
    }

    /** The decoded text, holding back a high surrogate whose partner may come with the next chunk. */
    private String release(StringBuilder text, boolean last) {
      if (pendingHighSurrogate != 0) {
        text.insert(0, pendingHighSurrogate);
        pendingHighSurrogate = 0;
      }
      int end = text.length() - 1;
      if (!last && end >= 0 && Character.isHighSurrogate(text.charAt(end))) {
        pendingHighSurrogate = text.charAt(end);
        text.setLength(end);
      }
      return text.toString();
    }
  }
}
