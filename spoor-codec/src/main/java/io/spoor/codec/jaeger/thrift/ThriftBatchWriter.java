package io.spoor.codec.jaeger.thrift;

import io.spoor.model.KeyValue;
import io.spoor.model.Log;
import io.spoor.model.Process;
import io.spoor.model.RefType;
import io.spoor.model.Span;
import io.spoor.model.SpanRef;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TList;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TStruct;
import org.apache.thrift.protocol.TType;

/**
 * Writes model spans as a {@code jaeger.thrift} {@code Batch}, fields in id order as generated
 * writers do. Optional lists (references, tags, logs, process tags) are written only when not empty;
 * {@code seqNo} and {@code stats} are not written. Times are truncated to whole microseconds.
 */
final class ThriftBatchWriter {
  private static final TStruct BATCH = new TStruct("Batch");
  private static final TField BATCH_PROCESS = new TField("process", TType.STRUCT, (short) 1);
  private static final TField BATCH_SPANS = new TField("spans", TType.LIST, (short) 2);

  private static final TStruct PROCESS = new TStruct("Process");
  private static final TField PROCESS_SERVICE_NAME = new TField("serviceName", TType.STRING, (short) 1);
  private static final TField PROCESS_TAGS = new TField("tags", TType.LIST, (short) 2);

  private static final TStruct SPAN = new TStruct("Span");
  private static final TField TRACE_ID_LOW = new TField("traceIdLow", TType.I64, (short) 1);
  private static final TField TRACE_ID_HIGH = new TField("traceIdHigh", TType.I64, (short) 2);
  private static final TField SPAN_ID = new TField("spanId", TType.I64, (short) 3);
  private static final TField PARENT_SPAN_ID = new TField("parentSpanId", TType.I64, (short) 4);
  private static final TField OPERATION_NAME = new TField("operationName", TType.STRING, (short) 5);
  private static final TField REFERENCES = new TField("references", TType.LIST, (short) 6);
  private static final TField FLAGS = new TField("flags", TType.I32, (short) 7);
  private static final TField START_TIME = new TField("startTime", TType.I64, (short) 8);
  private static final TField DURATION = new TField("duration", TType.I64, (short) 9);
  private static final TField TAGS = new TField("tags", TType.LIST, (short) 10);
  private static final TField LOGS = new TField("logs", TType.LIST, (short) 11);

  private static final TStruct SPAN_REF = new TStruct("SpanRef");
  private static final TField REF_TYPE = new TField("refType", TType.I32, (short) 1);
  private static final TField REF_TRACE_ID_LOW = new TField("traceIdLow", TType.I64, (short) 2);
  private static final TField REF_TRACE_ID_HIGH = new TField("traceIdHigh", TType.I64, (short) 3);
  private static final TField REF_SPAN_ID = new TField("spanId", TType.I64, (short) 4);

  private static final TStruct LOG = new TStruct("Log");
  private static final TField LOG_TIMESTAMP = new TField("timestamp", TType.I64, (short) 1);
  private static final TField LOG_FIELDS = new TField("fields", TType.LIST, (short) 2);

  private static final TStruct TAG = new TStruct("Tag");
  private static final TField TAG_KEY = new TField("key", TType.STRING, (short) 1);
  private static final TField TAG_TYPE = new TField("vType", TType.I32, (short) 2);
  private static final TField TAG_STR = new TField("vStr", TType.STRING, (short) 3);
  private static final TField TAG_DOUBLE = new TField("vDouble", TType.DOUBLE, (short) 4);
  private static final TField TAG_BOOL = new TField("vBool", TType.BOOL, (short) 5);
  private static final TField TAG_LONG = new TField("vLong", TType.I64, (short) 6);
  private static final TField TAG_BINARY = new TField("vBinary", TType.STRING, (short) 7);

  private final TProtocol out;

  ThriftBatchWriter(TProtocol out) {
    this.out = out;
  }

  void writeBatch(Process process, List<Span> spans) throws TException {
    out.writeStructBegin(BATCH);
    out.writeFieldBegin(BATCH_PROCESS);
    writeProcess(process);
    out.writeFieldEnd();
    out.writeFieldBegin(BATCH_SPANS);
    out.writeListBegin(new TList(TType.STRUCT, spans.size()));
    for (Span span : spans) {
      writeSpan(span);
    }
    out.writeListEnd();
    out.writeFieldEnd();
    out.writeFieldStop();
    out.writeStructEnd();
  }

  private void writeProcess(Process process) throws TException {
    out.writeStructBegin(PROCESS);
    out.writeFieldBegin(PROCESS_SERVICE_NAME);
    out.writeString(process.serviceName());
    out.writeFieldEnd();
    writeTags(PROCESS_TAGS, process.tags());
    out.writeFieldStop();
    out.writeStructEnd();
  }

  private void writeSpan(Span span) throws TException {
    out.writeStructBegin(SPAN);
    writeI64(TRACE_ID_LOW, span.traceId().low());
    writeI64(TRACE_ID_HIGH, span.traceId().high());
    writeI64(SPAN_ID, span.spanId().value());
    writeI64(PARENT_SPAN_ID, span.parentSpanId().value());
    out.writeFieldBegin(OPERATION_NAME);
    out.writeString(span.operationName());
    out.writeFieldEnd();
    if (!span.references().isEmpty()) {
      out.writeFieldBegin(REFERENCES);
      out.writeListBegin(new TList(TType.STRUCT, span.references().size()));
      for (SpanRef ref : span.references()) {
        writeReference(ref);
      }
      out.writeListEnd();
      out.writeFieldEnd();
    }
    out.writeFieldBegin(FLAGS);
    out.writeI32(span.flags());
    out.writeFieldEnd();
    writeI64(START_TIME, span.startTimeMicros());
    writeI64(DURATION, span.durationMicros());
    writeTags(TAGS, span.tags());
    if (!span.logs().isEmpty()) {
      out.writeFieldBegin(LOGS);
      out.writeListBegin(new TList(TType.STRUCT, span.logs().size()));
      for (Log log : span.logs()) {
        writeLog(log);
      }
      out.writeListEnd();
      out.writeFieldEnd();
    }
    out.writeFieldStop();
    out.writeStructEnd();
  }

  private void writeReference(SpanRef ref) throws TException {
    out.writeStructBegin(SPAN_REF);
    out.writeFieldBegin(REF_TYPE);
    out.writeI32(ref.type() == RefType.CHILD_OF ? 0 : 1);
    out.writeFieldEnd();
    writeI64(REF_TRACE_ID_LOW, ref.traceId().low());
    writeI64(REF_TRACE_ID_HIGH, ref.traceId().high());
    writeI64(REF_SPAN_ID, ref.spanId().value());
    out.writeFieldStop();
    out.writeStructEnd();
  }

  private void writeLog(Log log) throws TException {
    out.writeStructBegin(LOG);
    writeI64(LOG_TIMESTAMP, Math.floorDiv(log.timestampNanos(), 1000L));
    // fields is required, so it is written even when empty
    out.writeFieldBegin(LOG_FIELDS);
    writeTagList(log.fields());
    out.writeFieldEnd();
    out.writeFieldStop();
    out.writeStructEnd();
  }

  private void writeTags(TField field, List<KeyValue> tags) throws TException {
    if (tags.isEmpty()) {
      return;
    }
    out.writeFieldBegin(field);
    writeTagList(tags);
    out.writeFieldEnd();
  }

  private void writeTagList(List<KeyValue> tags) throws TException {
    out.writeListBegin(new TList(TType.STRUCT, tags.size()));
    for (KeyValue tag : tags) {
      writeTag(tag);
    }
    out.writeListEnd();
  }

  private void writeTag(KeyValue tag) throws TException {
    out.writeStructBegin(TAG);
    out.writeFieldBegin(TAG_KEY);
    out.writeString(tag.key());
    out.writeFieldEnd();
    ThriftTagType type = ThriftTagType.of(tag.type());
    out.writeFieldBegin(TAG_TYPE);
    out.writeI32(type.wire);
    out.writeFieldEnd();
    switch (type) {
      case STRING -> {
        out.writeFieldBegin(TAG_STR);
        out.writeString(tag.stringValue());
      }
      case DOUBLE -> {
        out.writeFieldBegin(TAG_DOUBLE);
        out.writeDouble(tag.doubleValue());
      }
      case BOOL -> {
        out.writeFieldBegin(TAG_BOOL);
        out.writeBool(tag.boolValue());
      }
      case LONG -> {
        out.writeFieldBegin(TAG_LONG);
        out.writeI64(tag.longValue());
      }
      case BINARY -> {
        out.writeFieldBegin(TAG_BINARY);
        out.writeBinary(ByteBuffer.wrap(tag.binaryValue()));
      }
      default -> throw new AssertionError(type);
    }
    out.writeFieldEnd();
    out.writeFieldStop();
    out.writeStructEnd();
  }

  private void writeI64(TField field, long value) throws TException {
    out.writeFieldBegin(field);
    out.writeI64(value);
    out.writeFieldEnd();
  }
}
