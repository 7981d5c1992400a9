/**
 * Real backend servers for integration tests, as forked JVMs on 127.0.0.1 from Maven Central jars:
 * {@link io.spoor.testkit.ServerJars} fetches a server's jars once, {@link io.spoor.testkit.ForkedServer}
 * runs and stops it, {@link io.spoor.testkit.SharedServers} keeps one per module test run. Each backend
 * has its JUnit 5 extension beside these.
 */
package io.spoor.testkit;
