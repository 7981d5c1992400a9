/**
 * OpenSearch 2.19 and Elasticsearch 7.17 as one embedded node each in a forked JVM, from Maven
 * Central jars: {@link io.spoor.testkit.search.SearchServer} and the JUnit 5 {@link
 * io.spoor.testkit.search.SearchServerExtension} that keeps one node per module test run.
 */
@NullMarked
package io.spoor.testkit.search;

import org.jspecify.annotations.NullMarked;
