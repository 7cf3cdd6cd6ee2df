import CRdKafka
import Dispatch
public import Logging
public import ServiceLifecycle
import Synchronization

/// A member of a Kafka consumer group that reads messages and commits offsets explicitly.
///
/// Read with ``messages`` (an async sequence that polls on demand, so a slow reader is never flooded) or call
/// ``poll(timeout:)`` to also see rebalances and non-fatal errors. Commit processed offsets with ``commit(_:)``:
/// nothing is committed automatically. Blocking librdkafka calls run on `DispatchQueue`s, never on Swift's
/// cooperative pool. Call ``close()`` (or run the consumer as a ``Service``) to leave the group cleanly and release
/// the librdkafka handle.
public final class KafkaConsumer: Service, Sendable {
    let client: RDKafkaClient
    private let rebalance: RDKafkaRebalanceContext
    /// Whether ``close()`` began; read by every operation, so a closing or closed consumer refuses work cleanly.
    let isClosed = Mutex(false)
    /// Serial: polls, which must not overlap.
    private let pollQueue = DispatchQueue(label: "akhbar.kafka.consumer.poll")
    /// Concurrent: commits and offset queries, which must not wait behind a poll.
    let blockingQueue = DispatchQueue(label: "akhbar.kafka.consumer.blocking", attributes: .concurrent)

    /// Creates a consumer; it joins the group when it first polls after ``subscribe(topics:)``.
    /// - Parameters:
    ///   - configuration: The consumer settings.
    ///   - logger: Receives librdkafka's logs, rebalances and client errors.
    /// - Throws: ``KafkaError/Code/versionTooOld`` when the loaded librdkafka is too old, and
    ///   ``KafkaError/Code/configuration`` with librdkafka's explanation when a setting is invalid.
    public init(
        configuration: KafkaConsumerConfiguration,
        logger: Logger = Logger(label: "akhbar.kafka.consumer")
    ) throws(KafkaError) {
        let rebalance = RDKafkaRebalanceContext(startTimestamp: configuration.startTimestamp, logger: logger)
        self.rebalance = rebalance
        self.client = try RDKafkaClient(
            type: RD_KAFKA_CONSUMER,
            properties: configuration.librdkafkaProperties,
            callbackContext: rebalance,
            prepare: rebalance.install(on:),
            logger: logger
        )
    }

    /// Subscribes to topics, replacing any previous subscription.
    /// - Parameter topics: The topics to read.
    /// - Throws: ``KafkaError/Code/consumer`` when librdkafka refuses the subscription.
    public func subscribe(topics: [String]) throws(KafkaError) {
        try apply(
            topics.map { ($0, RD_KAFKA_PARTITION_UA, Int64(RD_KAFKA_OFFSET_INVALID)) },
            failure: "subscribing to \(topics) failed", rd_kafka_subscribe)
    }

    /// Reads these partitions from these offsets, as a reader outside group membership: no join, no rebalance.
    /// Offsets committed with ``commit(_:)`` still go to the configured group. Replaces a previous assignment; not
    /// for a consumer that subscribed.
    /// - Throws: ``KafkaError/Code/consumer`` when librdkafka refuses the assignment.
    public func assign(_ positions: [KafkaTopicPartitionOffset]) throws(KafkaError) {
        try apply(
            positions.map { ($0.topic, $0.partition, $0.offset) },
            failure: "reading \(positions.count) partitions failed", rd_kafka_assign)
    }

    /// Hands librdkafka a topic-partition list (a subscription, an assignment) and turns its answer into an error.
    private func apply(
        _ entries: [(topic: String, partition: Int32, offset: Int64)], failure context: @autoclosure () -> String,
        _ call: (OpaquePointer?, UnsafePointer<rd_kafka_topic_partition_list_t>?) -> rd_kafka_resp_err_t
    ) throws(KafkaError) {
        try ensureOpen()
        let code = client.withHandle { handle in RDKafkaTopicPartitionList.with(entries) { call(handle, $0) } }
        guard let code else { throw Self.closedError() }
        guard code == RD_KAFKA_RESP_ERR_NO_ERROR else {
            throw KafkaError(rdCode: code, fallback: .consumer, context: context())
        }
    }

    /// Waits up to `timeout` for the next message, rebalance or non-fatal error.
    ///
    /// Rebalance events come first, in order. Cancelling the calling task wakes the poll early.
    /// - Parameter timeout: How long to wait.
    /// - Returns: The next event, or `nil` when none arrived in time.
    /// - Throws: A fatal ``KafkaError`` (``KafkaError/isFatal``) after which the consumer is unusable, or
    ///   ``KafkaError/Code/shutdown`` once the consumer is closed.
    public func poll(timeout: Duration) async throws(KafkaError) -> KafkaConsumerEvent? {
        let milliseconds = timeout.rdKafkaMilliseconds
        let result = await withTaskCancellationHandler {
            await pollQueue.perform { self.pollNow(timeoutMilliseconds: milliseconds) }
        } onCancel: {
            self.wakeUp()
        }
        return try result.get()
    }

    /// The messages of the subscribed topics, polled on demand.
    ///
    /// Non-fatal errors are logged and skipped, a tombstone is a message with a `nil` value, and nothing about a
    /// single message ends the sequence. It ends when the consumer is closed or the iterating task is cancelled,
    /// and throws only fatal errors.
    public var messages: KafkaConsumerMessages {
        KafkaConsumerMessages(consumer: self, pollTimeout: .milliseconds(100))
    }

    /// Leaves the group cleanly (unsubscribes, applies the revocation, then `rd_kafka_consumer_close`), then
    /// destroys the librdkafka handle.
    ///
    /// Operations already running finish first (a blocked poll is woken; a commit waits for the coordinator, at most
    /// the session timeout), and from the start of the close every operation throws ``KafkaError/Code/shutdown``.
    /// When it returns, the consumer has no librdkafka threads or connections left, so nothing of it can still
    /// fetch and its topics may be deleted right away. Commit what was processed before. Calling it again, or
    /// concurrently, returns once the first close is done. Close before releasing the consumer: otherwise
    /// `rd_kafka_destroy` leaves the group from `deinit`, blocking whichever thread drops the last reference.
    public func close() async {
        isClosed.withLock { $0 = true }
        // The yield is kept for the next poll when none is blocked, so a poll that got past the closed check just
        // before returns at once too.
        wakeUp()
        // librdkafka asserts when the group terminates with a commit in flight, so leaving the group waits for the
        // operations holding the handle. And a closed handle still serves in-flight fetch responses and metadata
        // until it is destroyed; leaving that to `deinit` would let it run on after close returned.
        let logger = client.logger
        let rebalance = rebalance
        await client.tearDown { handle in
            rebalance.beginClosing(handle)
            Self.leaveGroup(handle, rebalance: rebalance, logger: logger)
            let code = rd_kafka_consumer_close(handle)
            guard code != RD_KAFKA_RESP_ERR_NO_ERROR else { return }
            let error = KafkaError(rdCode: code, fallback: .consumer, context: "leaving the group failed")
            logger.warning("Consumer close failed", metadata: [KafkaLogKey.error: "\(error)"])
        }
    }

    /// Leaves the group while it still answers requests: unsubscribes, then serves the queue until a poll passes
    /// without a rebalance, so the revocation that follows is applied before the group terminates.
    ///
    /// `rd_kafka_consumer_close` alone serves that revocation from inside the close, where a callback that comes
    /// after the group terminated waits for ever on its `rd_kafka_assign`. Messages read meanwhile are dropped
    /// uncommitted: the partitions' next owner reads them.
    private static func leaveGroup(_ handle: OpaquePointer, rebalance: RDKafkaRebalanceContext, logger: Logger) {
        var subscription: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?
        guard rd_kafka_subscription(handle, &subscription) == RD_KAFKA_RESP_ERR_NO_ERROR, let subscription else {
            return
        }
        let isSubscribed = subscription.pointee.cnt > 0
        rd_kafka_topic_partition_list_destroy(subscription)
        guard isSubscribed, rd_kafka_unsubscribe(handle) == RD_KAFKA_RESP_ERR_NO_ERROR else { return }
        let deadline = ContinuousClock.now + leaveLimit
        while ContinuousClock.now < deadline {
            let served = rebalance.servedCount
            if let message = rd_kafka_consumer_poll(handle, 100) {
                rd_kafka_message_destroy(message)
            } else if rebalance.servedCount == served {
                return
            }
        }
        logger.warning("The group was still rebalancing \(leaveLimit) after leaving it; closing anyway")
    }

    /// How long ``close()`` serves rebalances after leaving the group before it closes regardless.
    private static let leaveLimit = Duration.seconds(10)

    /// Runs the consumer as a service: waits for graceful shutdown or cancellation, then calls ``close()``.
    ///
    /// Order the service group so that the worker iterating ``messages`` stops (and commits) before this closes.
    public func run() async throws {
        try? await gracefulShutdown()
        await close()
    }

    /// Throws ``KafkaError/Code/shutdown`` once the consumer is closed.
    func ensureOpen(file: String = #fileID, line: UInt = #line) throws(KafkaError) {
        guard isClosed.withLock({ $0 }) else { return }
        throw Self.closedError(file: file, line: line)
    }

    static func closedError(file: String = #fileID, line: UInt = #line) -> KafkaError {
        KafkaError(code: .shutdown, message: "the consumer is closed", file: file, line: line)
    }

    // MARK: - On `pollQueue`

    private func pollNow(timeoutMilliseconds: Int32) -> Result<KafkaConsumerEvent?, KafkaError> {
        do throws(KafkaError) { try ensureOpen() } catch { return .failure(error) }
        return client.withHandle { handle in
            rebalance.completeDeliveredRevocation(handle)
            if let event = rebalance.next() { return .success(event) }
            return pollNow(handle, timeoutMilliseconds)
        } ?? .failure(Self.closedError())
    }

    private func pollNow(
        _ handle: OpaquePointer,
        _ timeoutMilliseconds: Int32
    ) -> Result<KafkaConsumerEvent?, KafkaError> {
        client.drainEvents(timeoutMilliseconds: 0)
        guard let message = rd_kafka_consumer_poll(handle, timeoutMilliseconds) else {
            return .success(rebalance.next())
        }
        defer { rd_kafka_message_destroy(message) }
        let event: KafkaConsumerEvent
        switch message.pointee.err {
        case RD_KAFKA_RESP_ERR_NO_ERROR:
            event = .message(KafkaConsumerMessage(copying: message))
        case RD_KAFKA_RESP_ERR__PARTITION_EOF:
            // Only with `enable.partition.eof` overridden; reaching the end is not an error.
            return .success(rebalance.next())
        case RD_KAFKA_RESP_ERR__FATAL:
            return .failure(fatalError(handle))
        case let code:
            event = .error(
                KafkaError(
                    rdCode: code,
                    fallback: .consumer,
                    context: "consumer error",
                    detail: rd_kafka_message_errstr(message).map { String(cString: $0) }
                )
            )
        }
        // The rebalance callback may have run inside rd_kafka_consumer_poll; its events come first.
        guard let first = rebalance.next() else { return .success(event) }
        rebalance.append(event)
        return .success(first)
    }

    private func fatalError(_ handle: OpaquePointer) -> KafkaError {
        var text = [CChar](repeating: 0, count: 512)
        let code = rd_kafka_fatal_error(handle, &text, text.count)
        return KafkaError(
            rdCode: code,
            fallback: .consumer,
            context: "fatal consumer error",
            detail: String(errorBuffer: text),
            isFatal: true,
            isRetriable: false
        )
    }

    /// Makes a blocked `rd_kafka_consumer_poll` return early.
    private func wakeUp() {
        client.yieldConsumerQueue()
    }
}
