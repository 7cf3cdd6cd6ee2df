import CRdKafka
import Dispatch
import Logging
import Synchronization

/// Owns one librdkafka handle and references to its queues, and drains events.
///
/// The producer, consumer and admin client each hold one. Every use of the handle runs under a lease
/// (``withHandle(_:)``, ``drainEvents(from:timeoutMilliseconds:limit:_:)``, ``yieldConsumerQueue()``), and
/// ``tearDown(finally:)`` destroys the queue references and then the handle once no lease is held, refusing new
/// leases from its start. A client that was never torn down is destroyed in `deinit`. The callback context
/// librdkafka may call until `rd_kafka_destroy` returns is released only with this object, after either.
// @unchecked Sendable: the pointers are immutable `let`s used only under a lease, the lease state sits in a
// `Mutex`, and librdkafka's API "is completely thread-safe and the calling application may call any of the API
// functions from any of its own threads at any time" (librdkafka INTRODUCTION.md, "Threads and callbacks").
final class RDKafkaClient: @unchecked Sendable {
    /// The `rd_kafka_t` handle; valid only under a lease.
    private let handle: OpaquePointer
    /// A reference to the handle's main queue, where delivery reports, logs and client errors arrive.
    private let mainQueue: OpaquePointer
    /// A reference to the consumer queue of a consumer with a `group.id`, used to wake a blocked poll.
    private let consumerQueue: OpaquePointer?
    /// The logger with this client's name as metadata.
    let logger: Logger
    /// The context librdkafka gets as its opaque pointer, kept alive until after `rd_kafka_destroy`.
    private let callbackContext: (any AnyObject & Sendable)?
    private let leases = Mutex(Leases())

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
        // Lease holders and tearDown(finally:) keep this object alive, so nothing else can use the handle now.
        guard leases.withLock({ $0.phase }) != .destroyed else { return }
        destroyHandle()
    }

    // MARK: - Leases and teardown

    /// Runs `body` with the handle, which stays valid until `body` returns.
    /// - Parameter body: Uses the handle; it must not keep it.
    /// - Returns: What `body` returned, or `nil` without calling it once ``tearDown(finally:)`` began.
    func withHandle<Result, Failure: Error>(
        _ body: (OpaquePointer) throws(Failure) -> Result
    ) throws(Failure) -> Result? {
        guard leases.withLock({ $0.acquire() }) else { return nil }
        defer { releaseLease() }
        return try body(handle)
    }

    /// Wakes a blocked `rd_kafka_consumer_poll`, or makes the next one return at once; does nothing for other
    /// clients or once ``tearDown(finally:)`` began.
    func yieldConsumerQueue() {
        guard let consumerQueue else { return }
        _ = withHandle { _ in rd_kafka_queue_yield(consumerQueue) }
    }

    /// Destroys the queue references and the handle, once the leases held when it starts are released; no new
    /// lease is granted from its start. Returns when the handle is destroyed, also to concurrent and later callers.
    ///
    /// `finally` runs first, with the handle to itself: after every lease was released and before the last logs
    /// are forwarded and the handle destroyed. It and `rd_kafka_destroy`, which blocks while librdkafka stops its
    /// threads, run on a dispatch queue, not on Swift's cooperative pool.
    /// - Parameter finally: The client's last work, such as `rd_kafka_consumer_close`; not run by concurrent or
    ///   later callers.
    func tearDown(finally: @escaping @Sendable (OpaquePointer) -> Void = { _ in }) async {
        switch leases.withLock({ $0.beginTeardown() }) {
        case .destroyed:
            return
        case .awaitTeardown:
            await withCheckedContinuation { continuation in
                if !leases.withLock({ $0.awaitTeardown(continuation) }) { continuation.resume() }
            }
        case .destroy(let awaitLeases):
            if awaitLeases {
                await withCheckedContinuation { continuation in
                    if !leases.withLock({ $0.awaitRelease(continuation) }) { continuation.resume() }
                }
            }
            await DispatchQueue.global().perform {
                finally(self.handle)
                _ = self.drainEvents(self.mainQueue, 0, .max) { _ in }
                self.destroyHandle()
            }
            for waiter in leases.withLock({ $0.finishTeardown() }) { waiter.resume() }
        }
    }

    private func releaseLease() {
        leases.withLock { $0.release() }?.resume()
    }

    /// Destroys the queue references, then the handle; runs once, with no lease held.
    private func destroyHandle() {
        if let consumerQueue { rd_kafka_queue_destroy(consumerQueue) }
        rd_kafka_queue_destroy(mainQueue)
        rd_kafka_destroy(handle)
    }

    // MARK: - Events

    /// Serves a queue under a lease: waits up to `timeoutMilliseconds` for a first event, then takes the events
    /// that are ready.
    ///
    /// Logs and client errors are handled here; every other event goes to `handleEvent`, which must not keep the
    /// event pointer; each event is destroyed when `handleEvent` returns. This is the only place where this module
    /// drains events.
    /// - Parameters:
    ///   - queue: The queue to serve, which the caller keeps alive; the main queue when `nil`.
    ///   - timeoutMilliseconds: How long to wait for the first event; 0 to only take what is ready.
    ///   - limit: The most events to take, so that callers get control back under load.
    ///   - handleEvent: Receives delivery reports, admin results and other event types.
    /// - Returns: The number of events taken, or `nil` once ``tearDown(finally:)`` began.
    @discardableResult
    func drainEvents(
        from queue: OpaquePointer? = nil,
        timeoutMilliseconds: Int32,
        limit: Int = 1024,
        _ handleEvent: (OpaquePointer) -> Void = { _ in }
    ) -> Int? {
        withHandle { _ in drainEvents(queue ?? mainQueue, timeoutMilliseconds, limit, handleEvent) }
    }

    private func drainEvents(
        _ queue: OpaquePointer,
        _ timeoutMilliseconds: Int32,
        _ limit: Int,
        _ handleEvent: (OpaquePointer) -> Void
    ) -> Int {
        var timeout = timeoutMilliseconds
        var count = 0
        while count < limit, let event = rd_kafka_queue_poll(queue, timeout) {
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
