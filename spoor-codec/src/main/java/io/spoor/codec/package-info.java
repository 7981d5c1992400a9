/**
 * Codecs between Spoor's model and every wire format Jaeger speaks. Each sub-package is one family
 * of formats; every codec is a pure, thread-safe function. Malformed input raises {@link
 * io.spoor.codec.DecodeException}.
 */
@NullMarked
package io.spoor.codec;

import org.jspecify.annotations.NullMarked;
