/** Built-in processor (transformer) modules. */
@NullMarked
package riko.modules.processor;

import org.jspecify.annotations.NullMarked;
