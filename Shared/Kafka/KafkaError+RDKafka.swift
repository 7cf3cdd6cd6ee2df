import CRdKafka

extension KafkaError {
    /// An error from a librdkafka `rd_kafka_resp_err_t`.
    ///
    /// Codes with a meaning of their own (time-outs, transport failures, existing or unknown topics, purges at
    /// shutdown) get their own ``Code``; every other code gets `fallback`, the kind of operation that failed.
    /// - Parameters:
    ///   - rdCode: librdkafka's error code.
    ///   - fallback: The code for errors without a specific mapping.
    ///   - context: What was being done, put before librdkafka's text.
    ///   - detail: librdkafka's error string when it gave one, otherwise `rd_kafka_err2str(rdCode)` is used.
    ///   - isFatal: Whether librdkafka flagged the error as fatal.
    ///   - isRetriable: Whether librdkafka flagged the error as retriable; guessed from the code when `nil`.
    init(
        rdCode: rd_kafka_resp_err_t,
        fallback: Code,
        context: String,
        detail: String? = nil,
        isFatal: Bool = false,
        isRetriable: Bool? = nil,
        file: String = #fileID,
        line: UInt = #line
    ) {
        let text = detail ?? String(cString: rd_kafka_err2str(rdCode))
        self.init(
            code: Self.code(for: rdCode) ?? fallback,
            librdkafkaCode: rdCode.rawValue,
            isFatal: isFatal,
            isRetriable: isRetriable ?? Self.isRetriable(rdCode),
            message: "\(context): \(text)",
            file: file,
            line: line
        )
    }

    /// An error from an `rd_kafka_error_t`, which this initializer destroys.
    init(
        consuming error: OpaquePointer,
        fallback: Code,
        context: String,
        file: String = #fileID,
        line: UInt = #line
    ) {
        defer { rd_kafka_error_destroy(error) }
        self.init(
            rdCode: rd_kafka_error_code(error),
            fallback: fallback,
            context: context,
            detail: rd_kafka_error_string(error).map { String(cString: $0) },
            isFatal: rd_kafka_error_is_fatal(error) != 0,
            isRetriable: rd_kafka_error_is_retriable(error) != 0,
            file: file,
            line: line
        )
    }

    private static func code(for rdCode: rd_kafka_resp_err_t) -> Code? {
        switch rdCode {
        case RD_KAFKA_RESP_ERR__TIMED_OUT, RD_KAFKA_RESP_ERR__MSG_TIMED_OUT, RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT:
            .timedOut
        case RD_KAFKA_RESP_ERR__TRANSPORT, RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN, RD_KAFKA_RESP_ERR__RESOLVE:
            .transport
        case RD_KAFKA_RESP_ERR__QUEUE_FULL:
            .queueFull
        case RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE, RD_KAFKA_RESP_ERR_INVALID_MSG_SIZE:
            .messageTooLarge
        case RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS:
            .topicAlreadyExists
        case RD_KAFKA_RESP_ERR__UNKNOWN_TOPIC, RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION,
            RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART:
            .unknownTopicOrPartition
        case RD_KAFKA_RESP_ERR__PURGE_QUEUE, RD_KAFKA_RESP_ERR__PURGE_INFLIGHT, RD_KAFKA_RESP_ERR__DESTROY:
            .shutdown
        default:
            nil
        }
    }

    /// A guess for codes that come without librdkafka's retriable flag (delivery reports, results).
    private static func isRetriable(_ rdCode: rd_kafka_resp_err_t) -> Bool {
        switch rdCode {
        case RD_KAFKA_RESP_ERR__TIMED_OUT, RD_KAFKA_RESP_ERR__MSG_TIMED_OUT, RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT,
            RD_KAFKA_RESP_ERR__TRANSPORT, RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN, RD_KAFKA_RESP_ERR__QUEUE_FULL,
            RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION, RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE,
            RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS, RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS_AFTER_APPEND,
            RD_KAFKA_RESP_ERR_COORDINATOR_LOAD_IN_PROGRESS, RD_KAFKA_RESP_ERR_COORDINATOR_NOT_AVAILABLE,
            RD_KAFKA_RESP_ERR_NOT_COORDINATOR, RD_KAFKA_RESP_ERR_REBALANCE_IN_PROGRESS:
            true
        default:
            false
        }
    }
}
