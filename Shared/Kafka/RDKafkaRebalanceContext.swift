import CRdKafka
import Logging
import Synchronization

/// The context of the consumer's rebalance callback, the only C callback in this module.
///
/// librdkafka calls the callback from inside `rd_kafka_consumer_poll` or `rd_kafka_consumer_close` (or
/// `rd_kafka_destroy`) on the polling thread. The callback does the required assign or unassign and appends an
/// event to ``pendingEvents``, which ``KafkaConsumer/poll(timeout:)`` hands out before anything else. The consumer's
/// ``RDKafkaClient`` passes this object as librdkafka's opaque and keeps it alive until after `rd_kafka_destroy`.
final class RDKafkaRebalanceContext: Sendable {
    private let pendingEvents = Mutex<[KafkaConsumerEvent]>([])
    private let logger: Logger

    init(logger: Logger) {
        self.logger = logger
    }

    /// Installs the callback on a configuration that also gets this object as its opaque.
    func install(on configuration: OpaquePointer) {
        rd_kafka_conf_set_rebalance_cb(configuration, rebalanceCallback)
    }

    /// Appends an event for the next poll.
    func append(_ event: KafkaConsumerEvent) {
        pendingEvents.withLock { $0.append(event) }
    }

    /// Takes the oldest pending event.
    func next() -> KafkaConsumerEvent? {
        pendingEvents.withLock { $0.isEmpty ? nil : $0.removeFirst() }
    }

    fileprivate func rebalance(
        _ handle: OpaquePointer,
        _ reason: rd_kafka_resp_err_t,
        _ list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?
    ) {
        let partitions = list.map { RDKafkaTopicPartitionList.partitions(of: $0) } ?? []
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
            if isCooperative {
                check(rd_kafka_incremental_assign(handle, list), "incremental assign")
            } else {
                check(rd_kafka_assign(handle, list), "assign")
            }
            append(.partitionsAssigned(partitions))
        case RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS:
            let lost = rd_kafka_assignment_lost(handle) != 0
            logger.log(level: lost ? .warning : .info, "Partitions \(lost ? "lost" : "revoked")", metadata: metadata)
            if isCooperative {
                check(rd_kafka_incremental_unassign(handle, list), "incremental unassign")
            } else {
                check(rd_kafka_assign(handle, nil), "unassign")
            }
            append(.partitionsRevoked(partitions))
        default:
            let error = KafkaError(rdCode: reason, fallback: .consumer, context: "rebalance failed")
            logger.error("Rebalance failed, dropping the assignment", metadata: [KafkaLogKey.error: "\(error)"])
            check(rd_kafka_assign(handle, nil), "unassign")
            append(.error(error))
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
