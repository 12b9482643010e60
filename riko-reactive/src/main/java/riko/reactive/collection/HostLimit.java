package riko.reactive.collection;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * How many sources of one origin (scheme, host and port) one collection run fetches at once: an
 * asynchronous, first-come-first-served permit count per origin. A source waits (without
 * blocking a thread) until a permit is free; it gives the permit back when it completes, fails or
 * is cancelled, including while it is still waiting.
 */
final class HostLimit {

  private final int perHost;
  private final Map<String, Gate> gates = new HashMap<>();

  /** {@code perHost} permits per origin; {@link Integer#MAX_VALUE} means no limit. */
  HostLimit(int perHost) {
    this.perHost = perHost;
  }

  /** {@code work}, started only once its origin has a free permit ({@code null} origin: at once). */
  <T> Flux<T> limit(@Nullable String origin, Flux<T> work) {
    if (origin == null || perHost == Integer.MAX_VALUE) {
      return work;
    }
    return Flux.defer(() -> {
      Ticket ticket = gate(origin).take();
      return ticket.granted.asMono().thenMany(work).doFinally(signal -> ticket.done());
    });
  }

  private synchronized Gate gate(String origin) {
    return gates.computeIfAbsent(origin, o -> new Gate(perHost));
  }

  /** The permits of one origin and the sources waiting for one, in arrival order. */
  private static final class Gate {

    private int free;
    private final ArrayDeque<Ticket> waiting = new ArrayDeque<>();

    Gate(int permits) {
      this.free = permits;
    }

    Ticket take() {
      Ticket ticket = new Ticket(this);
      boolean now;
      synchronized (this) {
        now = free > 0;
        if (now) {
          free--;
          ticket.state.set(Ticket.GRANTED);
        } else {
          waiting.add(ticket);
        }
      }
      if (now) {
        ticket.granted.tryEmitEmpty();
      }
      return ticket;
    }

    void release() {
      Ticket next;
      synchronized (this) {
        do {
          next = waiting.poll();
        } while (next != null && !next.state.compareAndSet(Ticket.WAITING, Ticket.GRANTED));
        if (next == null) {
          free++;
        }
      }
      if (next != null) {
        next.granted.tryEmitEmpty();
      }
    }

    synchronized void forget(Ticket ticket) {
      waiting.remove(ticket);
    }
  }

  /** One source's claim on a permit: waiting, granted, then given back (or cancelled while waiting). */
  private static final class Ticket {

    static final int WAITING = 0;
    static final int GRANTED = 1;
    static final int DONE = 2;

    final AtomicInteger state = new AtomicInteger(WAITING);
    final Sinks.Empty<Void> granted = Sinks.empty();
    private final Gate gate;

    Ticket(Gate gate) {
      this.gate = gate;
    }

    void done() {
      if (state.compareAndSet(WAITING, DONE)) {
        gate.forget(this);
      } else if (state.compareAndSet(GRANTED, DONE)) {
        gate.release();
      }
    }
  }
}
