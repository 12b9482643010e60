/**
 * Runnable examples of riko-java, each a small class with a {@code main} and a {@code run} method
 * returning its result, all fetching bundled files over HTTP from an {@link riko.examples.ExampleServer}
 * on 127.0.0.1; {@link riko.examples.Demo} runs them in sequence ({@code bin/riko demo}).
 */
@NullMarked
package riko.examples;

import org.jspecify.annotations.NullMarked;
