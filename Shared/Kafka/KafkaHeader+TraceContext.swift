public import Instrumentation

/// Kafka record headers as the carrier of trace context (W3C `traceparent`, `tracestate`), so that an article's
/// spans in the ingest and in the enricher are one trace. Whatever instrument the process bootstrapped decides the
/// header names; with none (the default) nothing is written or read.
extension [KafkaHeader] {
    /// The headers that carry `context` to the consumer of a message.
    public static func carrying(_ context: ServiceContext) -> [KafkaHeader] {
        var headers: [KafkaHeader] = []
        InstrumentationSystem.instrument.inject(context, into: &headers, using: KafkaHeaderInjector())
        return headers
    }

    /// The trace context that the producer of a message put in these headers, empty when there is none.
    public var traceContext: ServiceContext {
        var context = ServiceContext.topLevel
        InstrumentationSystem.instrument.extract(self, into: &context, using: KafkaHeaderExtractor())
        return context
    }
}

struct KafkaHeaderInjector: Injector {
    func inject(_ value: String, forKey key: String, into carrier: inout [KafkaHeader]) {
        carrier.append(KafkaHeader(key: key, value: Array(value.utf8)))
    }
}

struct KafkaHeaderExtractor: Extractor {
    /// The last header of that key wins, as a Kafka client that appends a newer value expects.
    func extract(key: String, from carrier: [KafkaHeader]) -> String? {
        guard let value = carrier.last(where: { $0.key == key })?.value else { return nil }
        return String(validating: value, as: UTF8.self)
    }
}
