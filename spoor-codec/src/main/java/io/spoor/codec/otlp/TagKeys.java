package io.spoor.codec.otlp;

/** The tag and attribute keys Jaeger's OTLP translator reads and writes. */
final class TagKeys {
  static final String SERVICE_NAME = "service.name";
  /** Jaeger's service name for a resource without {@code service.name}. */
  static final String NO_SERVICE_NAME = "OTLPResourceNoServiceName";
  static final String SCOPE_NAME = "otel.scope.name";
  static final String SCOPE_VERSION = "otel.scope.version";
  /** Older Jaeger and OTel versions wrote the scope under these keys; read back as the scope. */
  static final String LIBRARY_NAME = "otel.library.name";
  static final String LIBRARY_VERSION = "otel.library.version";
  static final String STATUS_CODE = "otel.status_code";
  static final String STATUS_DESCRIPTION = "otel.status_description";
  static final String ERROR = "error";
  static final String TRACE_STATE = "w3c.tracestate";
  static final String EVENT = "event";
  static final String REF_TYPE = "opentracing.ref_type";
  static final String REF_CHILD_OF = "child_of";
  static final String REF_FOLLOWS_FROM = "follows_from";
  static final String DROPPED_ATTRIBUTES = "otel.dropped_attributes_count";
  static final String DROPPED_EVENTS = "otel.dropped_events_count";
  static final String DROPPED_LINKS = "otel.dropped_links_count";
  static final String HTTP_STATUS_CODE = "http.status_code";
  static final String HTTP_STATUS_MESSAGE = "http.status_message";
  static final String HOSTNAME = "hostname";
  static final String HOST_NAME = "host.name";
  static final String JAEGER_VERSION = "jaeger.version";
  static final String EXPORTER_VERSION = "opencensus.exporterversion";
  static final String STATUS_OK = "OK";
  static final String STATUS_ERROR = "ERROR";

  private TagKeys() {}
}
