/**
 * The web UI. The assets (plain ES modules and CSS, no build step) live on the classpath under
 * {@code io/spoor/ui/}; {@link io.spoor.ui.UiAssets} mounts them on an Armeria server. Serving is
 * done by Armeria's event loop from memory or the jar; nothing here blocks or keeps state beyond the
 * rendered index page.
 */
@NullMarked
package io.spoor.ui;

import org.jspecify.annotations.NullMarked;
