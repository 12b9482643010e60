package riko.reactive.http;

import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads a whole body into memory, for the formats that need the complete document before they
 * can parse it (feeds, XML, HTML, pages): up to a byte limit, so that an oversized or endless
 * response fails with a clear {@link FetchException} instead of exhausting the heap.
 *
 * <pre>{@code
 * Mono<byte[]> document = WholeBody.read(body, info.url(), WholeBody.maxBytes());
 * }</pre>
 *
 * <p>The limit is {@link #maxBytes()}: the system property {@value #MAX_BYTES_PROPERTY} when set
 * (a number of bytes), else {@value #DEFAULT_MAX_BYTES} (64 MiB). Streamed formats (JSON arrays,
 * text lines, CSV rows) are not read whole and are bounded only by the fetcher's own limits.
 */
public final class WholeBody {

  /** The system property that changes {@link #maxBytes()}. */
  public static final String MAX_BYTES_PROPERTY = "riko.document.maxBytes";

  /** The limit when the system property is not set: 64 MiB. */
  public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

  private WholeBody() {}

  /**
   * The limit for whole documents.
   *
   * @throws IllegalArgumentException when the system property is set but not a positive number
   */
  public static long maxBytes() {
    String configured = System.getProperty(MAX_BYTES_PROPERTY);
    if (configured == null || configured.isBlank()) {
      return DEFAULT_MAX_BYTES;
    }
    try {
      long value = Long.parseLong(configured.strip());
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "system property " + MAX_BYTES_PROPERTY + " must be a positive number of bytes, was '" + configured + "'");
  }

  /**
   * The body's bytes, joined.
   *
   * @param body the chunks, as a {@link riko.spi.ResourceHandler} receives them
   * @param url the resource, for the error message
   * @param maxBytes the most bytes accepted
   * @return the whole body; a {@link FetchException} naming the URL and the limit as soon as the
   *     body grows past {@code maxBytes} (the rest is not downloaded)
   */
  public static Mono<byte[]> read(Flux<byte[]> body, String url, long maxBytes) {
    return body.collect(() -> new Chunks(url, maxBytes), Chunks::add).map(Chunks::join);
  }

  /** The chunks received so far, joined once at the end (one copy of the document, not several). */
  private static final class Chunks {
    private final String url;
    private final long maxBytes;
    private final List<byte[]> received = new ArrayList<>();
    private long size;

    Chunks(String url, long maxBytes) {
      this.url = url;
      this.maxBytes = maxBytes;
    }

    void add(byte[] chunk) {
      if (size + chunk.length > maxBytes) {
        throw new FetchException(url, "the document is larger than " + maxBytes + " bytes (the limit for "
            + "documents read whole; system property " + MAX_BYTES_PROPERTY + " raises it)", null);
      }
      received.add(chunk);
      size += chunk.length;
    }

    byte[] join() {
      if (received.size() == 1) {
        return received.get(0);
      }
      byte[] whole = new byte[(int) size];
      int at = 0;
      for (byte[] chunk : received) {
        System.arraycopy(chunk, 0, whole, at, chunk.length);
        at += chunk.length;
      }
      return whole;
    }
  }
}
