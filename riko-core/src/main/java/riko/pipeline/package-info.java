/** Pipeline definitions: riko's pipe-definition JSON and the bare-bones DAG, read, expanded, validated and assembled into one stream. */
@NullMarked
package riko.pipeline;

import org.jspecify.annotations.NullMarked;
