/** Module configuration: the raw conf tree, its value forms (typed values, item and terminal references), resolution and per-call options. */
@NullMarked
package riko.conf;

import org.jspecify.annotations.NullMarked;
