/**
 * The {@code spoor} command: parsing flags and environment, choosing the storage backend, and wiring
 * components for the subcommands ({@code version}, {@code config}; later {@code collector}, {@code
 * query}, {@code all-in-one}, ...).
 *
 * <p>Configuration follows Jaeger: every flag {@code --a.b-c} can also be given as the environment
 * variable {@code A_B_C}, and a flag wins ({@link io.spoor.server.EnvironmentDefaults}). A subcommand
 * that needs storage adds the {@link io.spoor.server.StorageOptions} mixin and gets {@code
 * --span-storage.type} plus every backend's own options. The process environment is read once, in
 * {@link io.spoor.server.Spoor#main}, and handed down as an {@link io.spoor.server.Environment}.
 *
 * <p>Invalid configuration ends the command with one line on stderr and exit code 2, before anything
 * is opened. Threading: a command runs on the thread that calls {@link io.spoor.server.Spoor#execute}.
 */
@NullMarked
package io.spoor.server;

import org.jspecify.annotations.NullMarked;
