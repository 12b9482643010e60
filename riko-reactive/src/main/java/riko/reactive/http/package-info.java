/**
 * Reading resources for the fetching modules: {@link riko.reactive.http.HttpFetcher} speaks HTTP
 * over Reactor Netty, {@link riko.reactive.http.FileFetcher} reads local files and riko's bundled
 * data names, and {@link riko.reactive.http.StandardFetcher} routes a URL to the right one.
 * {@link riko.reactive.http.ResponseCharset} holds riko's rules for decoding fetched text.
 */
@NullMarked
package riko.reactive.http;

import org.jspecify.annotations.NullMarked;
