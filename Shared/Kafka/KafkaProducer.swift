import CRdKafka
import Dispatch
public import Logging
public import ServiceLifecycle
import Synchronization

/// Sends messages to Kafka and reports, per message, when the broker acknowledged it.
///
/// Each ``send(topic:key:value:headers:)`` returns only after the broker acknowledged the message (or throws why
/// not), and any number may run at once: fire many from a task group, bounded by a window, for throughput.
///
/// Delivery reports arrive as librdkafka events on the main queue. An event pump drains them on a serial
/// `DispatchQueue`, never on Swift's cooperative pool, and only while sends are waiting for reports; no thread is
/// held while the producer is idle. ``run()`` (the ``Service`` entry point) also drains logs every 100 ms and shuts
/// the producer down gracefully; without it, librdkafka's logs are forwarded during sends and at shutdown.
/// ``shutdown(timeout:)`` ends by destroying the librdkafka handle; a producer released without it is destroyed by
/// `deinit`, which then blocks the releasing thread while librdkafka stops.
public final class KafkaProducer: Service, Sendable {
    let client: RDKafkaClient
    private let configuration: KafkaProducerConfiguration
    private let state = Mutex(StateMachine())
    /// Serial: the event pump, so only one thread drains the main queue at a time.
    private let eventQueue = DispatchQueue(label: "akhbar.kafka.producer.events")
    /// Concurrent: blocking calls (`rd_kafka_flush`) that must not stall the pump.
    private let blockingQueue = DispatchQueue(label: "akhbar.kafka.producer.blocking", attributes: .concurrent)

    /// Creates a producer; it connects to the brokers in the background.
    /// - Parameters:
    ///   - configuration: The producer settings.
    ///   - logger: Receives librdkafka's logs and client errors.
    /// - Throws: ``KafkaError/Code/versionTooOld`` when the loaded librdkafka is too old, and
    ///   ``KafkaError/Code/configuration`` with librdkafka's explanation when a setting is invalid.
    public init(
        configuration: KafkaProducerConfiguration,
        logger: Logger = Logger(label: "akhbar.kafka.producer")
    ) throws(KafkaError) {
        self.configuration = configuration
        self.client = try RDKafkaClient(
            type: RD_KAFKA_PRODUCER,
            properties: configuration.librdkafkaProperties,
            events: RD_KAFKA_EVENT_DR,
            logger: logger
        )
    }

    /// The largest message (key, value and headers) this producer sends; see
    /// ``KafkaProducerConfiguration/maxMessageBytes``.
    public var maxMessageBytes: Int { configuration.maxMessageBytes }

    /// Sends one message and waits until the broker acknowledged it.
    ///
    /// The key picks the partition (the same key always lands on the same partition). When librdkafka's local
    /// queue is full, the send waits for delivery reports to free space and retries. Once enqueued, a send is not
    /// cancellable: it ends with the broker's acknowledgement, a failure, or
    /// ``KafkaProducerConfiguration/messageTimeout``.
    /// - Parameters:
    ///   - topic: The topic to write to.
    ///   - key: The message key, or `nil` for none.
    ///   - value: The message value, or `nil` for a tombstone (empty and `nil` are different values).
    ///   - headers: Record headers.
    /// - Returns: Where the broker stored the message.
    /// - Throws: ``KafkaError`` with ``KafkaError/Code/timedOut`` when the broker did not acknowledge within the
    ///   message timeout, ``KafkaError/Code/shutdown`` when the producer shut down first,
    ///   ``KafkaError/Code/cancelled`` when the task was cancelled before the message was enqueued, and
    ///   ``KafkaError/Code/messageDelivery`` (or a more specific code) for other refusals.
    public func send(
        topic: String,
        key: [UInt8]?,
        value: [UInt8]?,
        headers: [KafkaHeader] = []
    ) async throws(KafkaError) -> KafkaDeliveryReport {
        while true {
            guard !Task.isCancelled else {
                throw KafkaError(code: .cancelled, message: "sending to \(topic) was cancelled before it was enqueued")
            }
            let generation = state.withLock { $0.deliveryGeneration }
            let delivery = await withCheckedContinuation { continuation in
                enqueue(continuation, topic: topic, key: key, value: value, headers: headers)
            }
            switch delivery {
            case .success(let acknowledgement):
                return KafkaDeliveryReport(
                    topic: topic,
                    partition: acknowledgement.partition,
                    offset: acknowledgement.offset
                )
            case .failure(let error) where error.code == .queueFull:
                await waitForQueueSpace(since: generation)
            case .failure(let error):
                throw error
            }
        }
    }

    /// Asks the cluster for its broker list, which needs a working connection to one of the bootstrap servers.
    /// - Parameter timeout: How long to wait for an answer.
    /// - Throws: ``KafkaError`` (``KafkaError/Code/transport`` or ``KafkaError/Code/timedOut``, say) when no broker
    ///   answered, and ``KafkaError/Code/shutdown`` once the producer is shut down.
    public func checkBrokers(timeout: Duration) async throws(KafkaError) {
        let client = client
        let milliseconds = timeout.rdKafkaMilliseconds
        let code = await blockingQueue.perform { () -> rd_kafka_resp_err_t? in
            client.withHandle { handle in
                var metadata: UnsafePointer<rd_kafka_metadata>?
                let code = rd_kafka_metadata(handle, 0, nil, &metadata, milliseconds)
                if let metadata { rd_kafka_metadata_destroy(metadata) }
                return code
            }
        }
        guard let code else { throw KafkaError(code: .shutdown, message: "the producer is shut down") }
        guard code == RD_KAFKA_RESP_ERR_NO_ERROR else {
            throw KafkaError(rdCode: code, fallback: .transport, context: "no broker answered a metadata request")
        }
    }

    /// Waits until every message sent so far has its delivery report.
    /// - Parameter timeout: How long to wait.
    /// - Throws: ``KafkaError/Code/timedOut`` when messages are still outstanding after `timeout`, and
    ///   ``KafkaError/Code/shutdown`` once the producer is shut down.
    public func flush(timeout: Duration) async throws(KafkaError) {
        let client = client
        let milliseconds = timeout.rdKafkaMilliseconds
        let code = await blockingQueue.perform { client.withHandle { rd_kafka_flush($0, milliseconds).rawValue } }
        guard let code else {
            throw KafkaError(code: .shutdown, message: "the producer is shut down")
        }
        guard code == RD_KAFKA_RESP_ERR_NO_ERROR.rawValue else {
            throw KafkaError(
                rdCode: rd_kafka_resp_err_t(rawValue: code),
                fallback: .messageDelivery,
                context: "flush did not finish within \(timeout)"
            )
        }
    }

    /// Shuts the producer down: refuses new sends, waits up to `timeout` for outstanding messages, then purges
    /// the rest, whose sends fail with ``KafkaError/Code/shutdown``, and destroys the librdkafka handle once the
    /// event pump and any flush let go of it. Calling it again does nothing.
    /// - Parameter timeout: How long to wait for outstanding messages.
    public func shutdown(timeout: Duration) async {
        guard let waiters = state.withLock({ $0.beginShutdown() }) else { return }
        for waiter in waiters { waiter.resume() }
        do {
            try await flush(timeout: timeout)
        } catch {
            client.logger.warning(
                "Purging messages still unacknowledged at shutdown",
                metadata: [KafkaLogKey.pending: "\(state.withLock { $0.pendingCount })", KafkaLogKey.error: "\(error)"]
            )
            state.withLock { $0.beginPurge() }
            _ = client.withHandle { rd_kafka_purge($0, RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT) }
            // Purged messages get delivery reports too; give the pump a moment to hand them to their senders.
            try? await flush(timeout: .seconds(1))
        }
        let abandoned = state.withLock { $0.finishShutdown() }
        let error = KafkaError(code: .shutdown, message: "the producer shut down before the message was acknowledged")
        for continuation in abandoned { continuation.resume(returning: .failure(error)) }
        await eventQueue.perform { _ = self.drainEvents(timeoutMilliseconds: 0) }
        await client.tearDown()
    }

    /// Runs the producer as a service: forwards librdkafka's logs until graceful shutdown or cancellation, then
    /// calls ``shutdown(timeout:)`` with ``KafkaProducerConfiguration/shutdownTimeout``.
    public func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            if state.withLock({ $0.startPumpIfIdle() }) { startPump() }
            try? await Task.sleep(for: .milliseconds(100))
        }
        await shutdown(timeout: configuration.shutdownTimeout)
    }

    // MARK: - Enqueueing

    private func enqueue(
        _ continuation: CheckedContinuation<Delivery, Never>,
        topic: String,
        key: [UInt8]?,
        value: [UInt8]?,
        headers: [KafkaHeader]
    ) {
        switch state.withLock({ $0.register(continuation) }) {
        case .refuse:
            continuation.resume(
                returning: .failure(KafkaError(code: .shutdown, message: "the producer is shut down"))
            )
        case .produce(let id, let startPump):
            if startPump { self.startPump() }
            if let error = produce(id: id, topic: topic, key: key, value: value, headers: headers) {
                state.withLock { $0.withdraw(id) }?.resume(returning: .failure(error))
            }
        }
    }

    /// Waits until an event-pump pass frees space in librdkafka's local queue, the producer shuts down, or the task
    /// is cancelled (the message is not enqueued yet, so ``send(topic:key:value:headers:)`` then throws
    /// ``KafkaError/Code/cancelled``).
    private func waitForQueueSpace(since generation: UInt64) async {
        let id = state.withLock { $0.makeWaiterID() }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                if !state.withLock({ $0.waitForSpace(since: generation, id: id, continuation) }) {
                    continuation.resume()
                }
            }
        } onCancel: {
            state.withLock { $0.cancelWaitForSpace(id) }?.resume()
        }
    }

    // MARK: - Event pump

    /// Drains the main queue on `eventQueue` until no delivery report is due, or the handle is being destroyed.
    /// The closure keeps the producer alive while it runs, which it does only while sends, which also keep it
    /// alive, are waiting.
    private func startPump() {
        eventQueue.async {
            var timeout: Int32? = 0
            while let milliseconds = timeout {
                let drained = self.drainEvents(timeoutMilliseconds: milliseconds)
                timeout = self.state.withLock { drained ? $0.nextPumpTimeout() : $0.stopPump() }
            }
        }
    }

    /// One pass over the main queue; runs on `eventQueue` only.
    /// - Returns: `false` once the handle is being destroyed.
    private func drainEvents(timeoutMilliseconds: Int32) -> Bool {
        var reported = false
        let taken = client.drainEvents(timeoutMilliseconds: timeoutMilliseconds) { event in
            guard rd_kafka_event_type(event) == RD_KAFKA_EVENT_DR else { return }
            reported = true
            var reports: [(id: UInt, delivery: Delivery)] = []
            reports.reserveCapacity(rd_kafka_event_message_count(event))
            while let message = rd_kafka_event_message_next(event) {
                reports.append((UInt(bitPattern: message.pointee._private), Self.delivery(of: message)))
            }
            let deliveries = state.withLock { $0.complete(reports) }
            for (continuation, delivery) in deliveries { continuation.resume(returning: delivery) }
        }
        // A reported message leaves librdkafka's local queue only when its event is destroyed, which
        // `client.drainEvents` does after the handler returns. Waking senders that wait for space any earlier lets
        // them retry into a queue that is still full and park again with no report left to wake them.
        if reported {
            for waiter in state.withLock({ $0.spaceFreed() }) { waiter.resume() }
        }
        return taken != nil
    }

    private static func delivery(of message: UnsafePointer<rd_kafka_message_t>) -> Delivery {
        let fields = message.pointee
        guard fields.err == RD_KAFKA_RESP_ERR_NO_ERROR else {
            let topic = fields.rkt.map { String(cString: rd_kafka_topic_name($0)) } ?? "?"
            return .failure(
                KafkaError(rdCode: fields.err, fallback: .messageDelivery, context: "delivery to \(topic) failed")
            )
        }
        return .success(Acknowledgement(partition: fields.partition, offset: fields.offset))
    }
}
