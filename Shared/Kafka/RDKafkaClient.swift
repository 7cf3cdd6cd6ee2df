import CRdKafka
import Logging

/// Owns one librdkafka handle and references to its queues, and drains events.
///
/// The producer, consumer and admin client each hold one. `deinit` destroys the queue references, then the handle,
/// and only then releases the callback context that librdkafka may call until `rd_kafka_destroy` returns.
// @unchecked Sendable: every stored property is an immutable `let`, and librdkafka's API "is completely
// thread-safe and the calling application may call any of the API functions from any of its own threads at any
// time" (librdkafka INTRODUCTION.md, "Threads and callbacks").
final class RDKafkaClient: @unchecked Sendable {
    /// The `rd_kafka_t` handle.
    let handle: OpaquePointer
    /// A reference to the handle's main queue, where delivery reports, logs and client errors arrive.
    let mainQueue: OpaquePointer
    /// A reference to the consumer queue of a consumer with a `group.id`, used to wake a blocked poll.
    let consumerQueue: OpaquePointer?
    /// The logger with this client's name as metadata.
    let logger: Logger
    /// The context librdkafka gets as its opaque pointer, kept alive until after `rd_kafka_destroy`.
    private let callbackContext: (any AnyObject & Sendable)?

    /// Creates a handle from a librdkafka key→value map.
    /// - Parameters:
    ///   - type: `RD_KAFKA_PRODUCER` or `RD_KAFKA_CONSUMER`.
    ///   - properties: The configuration map; each key and value is validated by librdkafka.
    ///   - events: The `RD_KAFKA_EVENT_*` types to receive on the main queue besides logs and errors.
    ///   - callbackContext: An object passed as librdkafka's opaque pointer, retained by this client.
    ///   - prepare: Sets callbacks on the configuration before the handle is created.
    ///   - logger: Receives librdkafka's logs and client errors.
    /// - Throws: ``KafkaError/Code/versionTooOld`` or ``KafkaError/Code/configuration`` with librdkafka's errstr.
    init(
        type: rd_kafka_type_t,
        properties: [String: String],
        events: Int32 = 0,
        callbackContext: (any AnyObject & Sendable)? = nil,
        prepare: (OpaquePointer) -> Void = { _ in },
        logger: Logger
    ) throws(KafkaError) {
        try KafkaLibrary.checkVersion()
        guard let configuration = rd_kafka_conf_new() else {
            throw KafkaError(code: .configuration, message: "rd_kafka_conf_new failed")
        }
        var settings = properties
        // Logs travel as events on the main queue, so they reach the Logger on our threads, not librdkafka's.
        settings["log.queue"] = "true"
        if settings["log_level"] == nil { settings["log_level"] = logger.logLevel <= .debug ? "7" : "6" }
        var errorText = [CChar](repeating: 0, count: 512)
        for (key, value) in settings.sorted(by: { $0.key < $1.key }) {
            guard rd_kafka_conf_set(configuration, key, value, &errorText, errorText.count) == RD_KAFKA_CONF_OK else {
                rd_kafka_conf_destroy(configuration)
                let shown =
                    ["password", "secret", "jaas"].contains(where: key.contains) ? "<redacted>" : "\"\(value)\""
                throw KafkaError(
                    code: .configuration,
                    message: "librdkafka refused \(key)=\(shown): \(String(errorBuffer: errorText))"
                )
            }
        }
        rd_kafka_conf_set_events(configuration, events | RD_KAFKA_EVENT_LOG | RD_KAFKA_EVENT_ERROR)
        if let callbackContext {
            rd_kafka_conf_set_opaque(configuration, Unmanaged.passUnretained(callbackContext).toOpaque())
        }
        prepare(configuration)
        // rd_kafka_new takes ownership of the configuration only when it succeeds.
        guard let handle = rd_kafka_new(type, configuration, &errorText, errorText.count) else {
            rd_kafka_conf_destroy(configuration)
            throw KafkaError(
                code: .configuration,
                message: "librdkafka could not create the client: \(String(errorBuffer: errorText))"
            )
        }
        self.handle = handle
        self.callbackContext = callbackContext
        rd_kafka_set_log_queue(handle, nil)
        self.mainQueue = rd_kafka_queue_get_main(handle)
        self.consumerQueue = type == RD_KAFKA_CONSUMER ? rd_kafka_queue_get_consumer(handle) : nil
        var logger = logger
        logger[metadataKey: KafkaLogKey.client] = "\(String(cString: rd_kafka_name(handle)))"
        self.logger = logger
    }

    deinit {
        if let consumerQueue { rd_kafka_queue_destroy(consumerQueue) }
        rd_kafka_queue_destroy(mainQueue)
        rd_kafka_destroy(handle)
    }

    /// Serves a queue: waits up to `timeoutMilliseconds` for a first event, then takes the events that are ready.
    ///
    /// Logs and client errors are handled here; every other event goes to `handleEvent`, which must not keep the
    /// event pointer. This is the only place where this module drains events.
    /// - Parameters:
    ///   - queue: The queue to serve; the main queue when `nil`.
    ///   - timeoutMilliseconds: How long to wait for the first event; 0 to only take what is ready.
    ///   - limit: The most events to take, so that callers get control back under load.
    ///   - handleEvent: Receives delivery reports, admin results and other event types.
    /// - Returns: The number of events taken.
    @discardableResult
    func drainEvents(
        from queue: OpaquePointer? = nil,
        timeoutMilliseconds: Int32,
        limit: Int = 1024,
        _ handleEvent: (OpaquePointer) -> Void = { _ in }
    ) -> Int {
        var timeout = timeoutMilliseconds
        var count = 0
        while count < limit, let event = rd_kafka_queue_poll(queue ?? mainQueue, timeout) {
            defer { rd_kafka_event_destroy(event) }
            count += 1
            timeout = 0
            switch rd_kafka_event_type(event) {
            case RD_KAFKA_EVENT_LOG:
                log(event)
            case RD_KAFKA_EVENT_ERROR:
                logError(event)
            default:
                handleEvent(event)
            }
        }
        return count
    }

    private func log(_ event: OpaquePointer) {
        var facility: UnsafePointer<CChar>?
        var text: UnsafePointer<CChar>?
        var level: Int32 = 0
        guard rd_kafka_event_log(event, &facility, &text, &level) == 0 else { return }
        logger.log(
            level: Self.loggerLevel(syslogLevel: level),
            "\(text.map { String(cString: $0) } ?? "")",
            metadata: [KafkaLogKey.facility: "\(facility.map { String(cString: $0) } ?? "")"]
        )
    }

    private func logError(_ event: OpaquePointer) {
        let code = rd_kafka_event_error(event)
        let isFatal = rd_kafka_event_error_is_fatal(event) != 0
        logger.log(
            level: isFatal ? .critical : .warning,
            "\(isFatal ? "fatal " : "")librdkafka error: \(String(cString: rd_kafka_event_error_string(event)))",
            metadata: [KafkaLogKey.librdkafkaCode: "\(code.rawValue)"]
        )
    }

    /// Maps librdkafka's syslog levels (0 emergency ... 7 debug) to swift-log levels.
    private static func loggerLevel(syslogLevel: Int32) -> Logger.Level {
        switch syslogLevel {
        case ...2: .critical
        case 3: .error
        case 4: .warning
        case 5: .notice
        case 6: .info
        default: .debug
        }
    }
}
