import CRdKafka
import Logging
import Synchronization

/// The context of the consumer's rebalance callback, the only C callback in this module.
///
/// librdkafka calls the callback from inside `rd_kafka_consumer_poll` or `rd_kafka_consumer_close` (or
/// `rd_kafka_destroy`) on the polling thread. The callback appends an event to ``pendingEvents``, which
/// ``KafkaConsumer/poll(timeout:)`` hands out before anything else. The consumer's ``RDKafkaClient`` passes this
/// object as librdkafka's opaque and keeps it alive until after `rd_kafka_destroy`.
///
/// An assignment is applied in the callback. A revocation is not: the group waits for the unassign, and the
/// consumer makes it at the poll after the one that handed out the event. In between, the application stores
/// and commits what it read from those partitions while it still owns them, so their next owner starts after
/// it and no message is processed by two members.
final class RDKafkaRebalanceContext: Sendable {
    /// A revocation whose unassign waits for the application.
    private struct DeferredRevocation {
        let partitions: [KafkaTopicPartition]
        let isCooperative: Bool
        /// Whether poll handed out the event; the unassign happens at the next poll.
        var isDelivered = false
    }

    private let pendingEvents = Mutex<[KafkaConsumerEvent]>([])
    private let deferredRevocation = Mutex<DeferredRevocation?>(nil)
    /// Set once the consumer closes: revocations are then applied at once.
    private let isClosing = Mutex(false)
    /// How many times librdkafka called the callback; the consumer's close waits until it stops rising.
    private let callbackCount = Atomic(0)
    /// Where partitions without a committed offset start (``KafkaConsumerConfiguration/startTimestamp``).
    private let startTimestamp: Int64?
    private let logger: Logger

    init(startTimestamp: Int64?, logger: Logger) {
        self.startTimestamp = startTimestamp
        self.logger = logger
    }

    /// Installs the callback on a configuration that also gets this object as its opaque.
    func install(on configuration: OpaquePointer) {
        rd_kafka_conf_set_rebalance_cb(configuration, rebalanceCallback)
    }

    /// How many rebalances the callback has served so far.
    var servedCount: Int { callbackCount.load(ordering: .acquiring) }

    /// Appends an event for the next poll.
    func append(_ event: KafkaConsumerEvent) {
        pendingEvents.withLock { $0.append(event) }
    }

    /// Takes the oldest pending event.
    ///
    /// Handing out a revocation drops the messages of the revoked partitions that were queued behind it: their
    /// next owner reads them again from the committed offset.
    func next() -> KafkaConsumerEvent? {
        pendingEvents.withLock { events in
            guard !events.isEmpty else { return nil }
            let event = events.removeFirst()
            if case .partitionsRevoked(let revoked) = event {
                let revokedSet = Set(revoked)
                events.removeAll { queued in
                    guard case .message(let message) = queued else { return false }
                    return revokedSet.contains(KafkaTopicPartition(topic: message.topic, partition: message.partition))
                }
                deferredRevocation.withLock { $0?.isDelivered = true }
            }
            return event
        }
    }

    /// Makes the unassign of a revocation whose event the application has had; called before each poll.
    func completeDeliveredRevocation(_ handle: OpaquePointer) {
        let revocation = deferredRevocation.withLock { deferred -> DeferredRevocation? in
            guard let current = deferred, current.isDelivered else { return nil }
            deferred = nil
            return current
        }
        if let revocation { unassign(handle, revocation) }
    }

    /// Makes any outstanding unassign at once and applies later revocations in the callback: the consumer is
    /// leaving the group.
    func beginClosing(_ handle: OpaquePointer) {
        isClosing.withLock { $0 = true }
        if let revocation = deferredRevocation.withLock({ deferred in
            defer { deferred = nil }; return deferred
        }) {
            unassign(handle, revocation)
        }
    }

    private func unassign(_ handle: OpaquePointer, _ revocation: DeferredRevocation) {
        if revocation.isCooperative {
            let entries = revocation.partitions.map {
                ($0.topic, $0.partition, Int64(RD_KAFKA_OFFSET_INVALID))
            }
            RDKafkaTopicPartitionList.with(entries) {
                check(rd_kafka_incremental_unassign(handle, $0), "incremental unassign")
            }
        } else {
            check(rd_kafka_assign(handle, nil), "unassign")
        }
    }

    fileprivate func rebalance(
        _ handle: OpaquePointer,
        _ reason: rd_kafka_resp_err_t,
        _ list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?
    ) {
        defer { callbackCount.add(1, ordering: .releasing) }
        let partitions = list.map { RDKafkaTopicPartitionList.partitions(of: $0) } ?? []
        // Once the group has terminated, librdkafka drops the requests of `rd_kafka_assign` and
        // `rd_kafka_rebalance_protocol` unanswered, and their callers wait for ever (librdkafka issue 4884). There
        // is nothing left to assign then.
        if isClosing.withLock({ $0 }), rd_kafka_consumer_closed(handle) != 0 {
            logger.debug(
                "Rebalance after the group terminated, nothing to apply",
                metadata: [KafkaLogKey.partitions: "\(partitions.map { "\($0.topic)[\($0.partition)]" })"])
            return
        }
        let rebalanceProtocol = rd_kafka_rebalance_protocol(handle).map { String(cString: $0) } ?? "NONE"
        // The cooperative protocol moves only the listed partitions; eager replaces the whole assignment.
        let isCooperative = rebalanceProtocol == "COOPERATIVE"
        let metadata: Logger.Metadata = [
            KafkaLogKey.partitions: "\(partitions.map { "\($0.topic)[\($0.partition)]" })",
            KafkaLogKey.rebalanceProtocol: "\(rebalanceProtocol)",
        ]
        switch reason {
        case RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS:
            logger.info("Partitions assigned", metadata: metadata)
            if let startTimestamp, let list { startAtTimestamp(handle, list, startTimestamp) }
            if isCooperative {
                check(rd_kafka_incremental_assign(handle, list), "incremental assign")
            } else {
                check(rd_kafka_assign(handle, list), "assign")
            }
            append(.partitionsAssigned(partitions))
        case RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS:
            let lost = rd_kafka_assignment_lost(handle) != 0
            logger.log(level: lost ? .warning : .info, "Partitions \(lost ? "lost" : "revoked")", metadata: metadata)
            let revocation = DeferredRevocation(partitions: partitions, isCooperative: isCooperative)
            // Lost partitions belong to another member already: nothing can be committed for them.
            if lost || isClosing.withLock({ $0 }) {
                unassign(handle, revocation)
            } else {
                deferredRevocation.withLock { $0 = revocation }
            }
            append(.partitionsRevoked(partitions))
        default:
            let error = KafkaError(rdCode: reason, fallback: .consumer, context: "rebalance failed")
            logger.error("Rebalance failed, dropping the assignment", metadata: [KafkaLogKey.error: "\(error)"])
            check(rd_kafka_assign(handle, nil), "unassign")
            append(.error(error))
        }
    }

    /// Sets the start of each assigned partition that has no committed offset to its first message at or after
    /// `timestamp`. When the broker cannot say, such partitions start as `auto.offset.reset` says: a replay that
    /// starts too early does more work but skips nothing.
    private func startAtTimestamp(
        _ handle: OpaquePointer,
        _ list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>,
        _ timestamp: Int64
    ) {
        let timeout: Int32 = 10_000
        let committed = rd_kafka_topic_partition_list_copy(list)!
        defer { rd_kafka_topic_partition_list_destroy(committed) }
        let committedCode = rd_kafka_committed(handle, committed, timeout)
        guard committedCode == RD_KAFKA_RESP_ERR_NO_ERROR else {
            check(committedCode, "reading committed offsets")
            return
        }
        let uncommitted = RDKafkaTopicPartitionList.elements(of: committed)
            .filter { $0.offset < 0 }
            .map { (RDKafkaTopicPartitionList.topicName($0), $0.partition, timestamp) }
        guard !uncommitted.isEmpty else { return }
        RDKafkaTopicPartitionList.with(uncommitted) { times in
            let code = rd_kafka_offsets_for_times(handle, times, timeout)
            guard code == RD_KAFKA_RESP_ERR_NO_ERROR else {
                check(code, "finding offsets for the start time")
                return
            }
            for found in RDKafkaTopicPartitionList.elements(of: times) where found.err == RD_KAFKA_RESP_ERR_NO_ERROR {
                guard let element = rd_kafka_topic_partition_list_find(list, found.topic, found.partition) else {
                    continue
                }
                // -1: no message at or after the time yet, so start at the end.
                element.pointee.offset = found.offset >= 0 ? found.offset : Int64(RD_KAFKA_OFFSET_END)
            }
        }
    }

    private func check(_ error: OpaquePointer?, _ operation: String) {
        guard let error else { return }
        let kafkaError = KafkaError(consuming: error, fallback: .consumer, context: "\(operation) failed")
        logger.error("Rebalance \(operation) failed", metadata: [KafkaLogKey.error: "\(kafkaError)"])
    }

    private func check(_ code: rd_kafka_resp_err_t, _ operation: String) {
        guard code != RD_KAFKA_RESP_ERR_NO_ERROR else { return }
        let kafkaError = KafkaError(rdCode: code, fallback: .consumer, context: "\(operation) failed")
        logger.error("Rebalance \(operation) failed", metadata: [KafkaLogKey.error: "\(kafkaError)"])
    }
}

/// The `rd_kafka_conf_set_rebalance_cb` callback; a plain function, so it captures nothing.
private func rebalanceCallback(
    _ handle: OpaquePointer?,
    _ reason: rd_kafka_resp_err_t,
    _ partitions: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?,
    _ opaque: UnsafeMutableRawPointer?
) {
    guard let handle, let opaque else { return }
    Unmanaged<RDKafkaRebalanceContext>.fromOpaque(opaque).takeUnretainedValue().rebalance(handle, reason, partitions)
}
