package riko.spi;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * Turns an open resource into values: called once per fetch with the resource's metadata and
 * its body as byte chunks (each chunk a fresh array the handler may keep).
 *
 * @param <T> what the handler produces
 */
@FunctionalInterface
public interface ResourceHandler<T> {

  /** Reads the body; the body must be subscribed at most once. */
  Publisher<T> handle(ResourceInfo info, Flux<byte[]> body);
}
