package riko.modules.operator;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import riko.item.Item;

/**
 * The in-process named channels that {@link Send} delivers to and {@link Receive} reads from
 * (riko's synchronous pub/sub hub). One registry serves the whole JVM, as riko's does: a
 * receiver registered by one pipe is reachable from every other pipe by its name. Names are the
 * only isolation, so independent runs (and tests) use distinct names.
 *
 * <p>A name has at most one registration at a time. The first receiver to start under a name
 * registers it; a second receiver of that name joins the same queue (riko's synchronous engine
 * shares it) and the two compete for its entries. The registration ends when a receiver reads
 * DONE or gives up waiting, or when the receiver that registered it is cancelled.
 */
final class Channels {

  private static final Logger LOG = LoggerFactory.getLogger(Channels.class);

  /** The JVM-wide registry. */
  static final Channels SHARED = new Channels();

  private final Map<String, Channel> receivers = new ConcurrentHashMap<>();

  /**
   * The channel registered under {@code name}, registering a new one (with that capacity and
   * function) when there is none.
   */
  Joined join(String name, @Nullable Long maxLen, @Nullable Function<? super Item, ?> func) {
    Channel fresh = new Channel(name, maxLen, func);
    Channel existing = receivers.putIfAbsent(name, fresh);
    return existing == null ? new Joined(fresh, true) : new Joined(existing, false);
  }

  /** The channel currently registered under {@code name}, if any. */
  @Nullable Channel registered(String name) {
    return receivers.get(name);
  }

  /**
   * Delivers {@code item} to the receiver registered under {@code name}; logs an error and drops
   * it when there is none. Returns the channel reached, or {@code null}.
   */
  @Nullable Channel deliver(String sender, String name, Item item) {
    Channel channel = receivers.get(name);
    if (channel == null) {
      LOG.error("{}: attempted to send {} to non-existent receiver '{}'; it is dropped (a receiver must be "
          + "started before the sender sends)", sender, item, name);
      return null;
    }
    channel.offer(item);
    return channel;
  }

  /** The names registered now. */
  Set<String> names() {
    return Set.copyOf(receivers.keySet());
  }

  /** Delivers DONE to {@code channel} when it is still the registration under its name. */
  void complete(Channel channel) {
    if (receivers.get(channel.name()) == channel) {
      channel.offerDone();
    }
  }

  /** Ends a registration: later sends to its name find no receiver. */
  void close(Channel channel) {
    channel.close();
    receivers.remove(channel.name(), channel);
  }

  /**
   * A receiver's view of a registration.
   *
   * @param channel the channel
   * @param owner whether this receiver registered it (rather than joining another's)
   */
  record Joined(Channel channel, boolean owner) {}

  /** One registration: a queue of received entries, bounded by {@code max_len} (oldest dropped first). */
  static final class Channel {

    /** A queued DONE marker. */
    static final Object DONE = new Object() {
      @Override
      public String toString() {
        return "DONE";
      }
    };

    private final String name;
    private final @Nullable Long maxLen;
    private final @Nullable Function<? super Item, ?> func;
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private boolean closed;

    Channel(String name, @Nullable Long maxLen, @Nullable Function<? super Item, ?> func) {
      this.name = name;
      this.maxLen = maxLen;
      this.func = func;
    }

    String name() {
      return name;
    }

    /** Queues an item (after the receiver's function, when it has one). */
    void offer(Item item) {
      Object stored = func == null ? item : Item.ofValue(func.apply(item));
      append(stored);
    }

    void offerDone() {
      append(DONE);
    }

    private synchronized void append(Object entry) {
      if (maxLen != null && queue.size() >= maxLen) {
        LOG.warn("receiver '{}': queue full (max_len={}); dropping the oldest entry", name, maxLen);
        if (maxLen == 0) {
          return;
        }
        queue.pollFirst();
      }
      queue.addLast(entry);
    }

    /**
     * The oldest entry ({@link #DONE} or an {@link Item}), or {@code null} when the queue is
     * empty.
     *
     * @throws IllegalStateException when the registration has been closed
     */
    synchronized @Nullable Object poll() {
      if (closed) {
        throw new IllegalStateException("channel '" + name + "' was closed by another receiver of the same name "
            + "(receivers sharing a name share one queue, and the first to finish closes it)");
      }
      return queue.pollFirst();
    }

    synchronized void close() {
      closed = true;
      queue.clear();
    }

    synchronized boolean isClosed() {
      return closed;
    }
  }
}
