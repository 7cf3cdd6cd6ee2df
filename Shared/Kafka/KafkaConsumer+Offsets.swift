import CRdKafka

extension KafkaConsumer {
    /// Commits offsets synchronously and returns when the group coordinator stored them.
    ///
    /// Each offset is the **next** offset to read: the last processed offset + 1. Build the list with
    /// ``KafkaTopicPartitionOffset/offsetsToCommit(after:)``. Commit per batch, not per message: a synchronous
    /// commit costs a round trip to the coordinator.
    /// - Parameter offsets: The offsets to commit; nothing happens when empty.
    /// - Throws: ``KafkaError/Code/commit`` (or a more specific code) when the coordinator refused, and
    ///   ``KafkaError/Code/shutdown`` when the consumer is closed.
    public func commit(_ offsets: [KafkaTopicPartitionOffset]) async throws(KafkaError) {
        guard !offsets.isEmpty else { return }
        try ensureOpen()
        let client = client
        let entries = offsets.map { ($0.topic, $0.partition, $0.offset) }
        let code = await blockingQueue.perform {
            client.withHandle { handle in
                RDKafkaTopicPartitionList.with(entries) { rd_kafka_commit(handle, $0, 0).rawValue }
            }
        }
        guard let code else { throw Self.closedError() }
        guard code == RD_KAFKA_RESP_ERR_NO_ERROR.rawValue else {
            throw KafkaError(
                rdCode: rd_kafka_resp_err_t(rawValue: code),
                fallback: .commit,
                context: "committing \(offsets.count) offset(s) failed"
            )
        }
    }

    /// Reads the group's committed offsets (the next offsets to read) for some partitions.
    /// - Parameters:
    ///   - partitions: The partitions to ask about.
    ///   - timeout: How long to wait for the coordinator.
    /// - Returns: The committed offsets, sorted by topic and partition; partitions without one are left out.
    /// - Throws: ``KafkaError/Code/commit`` (or a more specific code) on failure, and ``KafkaError/Code/shutdown``
    ///   when the consumer is closed.
    public func committedOffsets(
        for partitions: [KafkaTopicPartition],
        timeout: Duration = .seconds(10)
    ) async throws(KafkaError) -> [KafkaTopicPartitionOffset] {
        try ensureOpen()
        let client = client
        let milliseconds = timeout.rdKafkaMilliseconds
        let entries = partitions.map { ($0.topic, $0.partition, Int64(RD_KAFKA_OFFSET_INVALID)) }
        let result = await blockingQueue.perform { () -> Result<[KafkaTopicPartitionOffset], KafkaError> in
            client.withHandle { handle in Self.committed(handle, entries, milliseconds) }
                ?? .failure(Self.closedError())
        }
        return try result.get()
    }

    private static func committed(
        _ handle: OpaquePointer,
        _ entries: [(topic: String, partition: Int32, offset: Int64)],
        _ milliseconds: Int32
    ) -> Result<[KafkaTopicPartitionOffset], KafkaError> {
        RDKafkaTopicPartitionList.with(entries) { list in
            let code = rd_kafka_committed(handle, list, milliseconds)
            guard code == RD_KAFKA_RESP_ERR_NO_ERROR else {
                return .failure(
                    KafkaError(rdCode: code, fallback: .commit, context: "reading committed offsets failed"))
            }
            var offsets: [KafkaTopicPartitionOffset] = []
            for element in RDKafkaTopicPartitionList.elements(of: list) {
                let topic = RDKafkaTopicPartitionList.topicName(element)
                guard element.err == RD_KAFKA_RESP_ERR_NO_ERROR else {
                    return .failure(
                        KafkaError(
                            rdCode: element.err,
                            fallback: .commit,
                            context: "reading the committed offset of \(topic)[\(element.partition)] failed"
                        )
                    )
                }
                if element.offset >= 0 {
                    offsets.append(
                        KafkaTopicPartitionOffset(topic: topic, partition: element.partition, offset: element.offset))
                }
            }
            return .success(offsets.sorted { $0.topicPartition < $1.topicPartition })
        }
    }

    /// The partitions currently assigned to this consumer.
    /// - Returns: The assignment, sorted by topic and partition.
    /// - Throws: ``KafkaError/Code/consumer`` on failure, and ``KafkaError/Code/shutdown`` when closed.
    public func assignment() async throws(KafkaError) -> [KafkaTopicPartition] {
        try ensureOpen()
        let client = client
        let result = await blockingQueue.perform { () -> Result<[KafkaTopicPartition], KafkaError> in
            client.withHandle { handle in
                var list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?
                let code = rd_kafka_assignment(handle, &list)
                defer { if let list { rd_kafka_topic_partition_list_destroy(list) } }
                guard code == RD_KAFKA_RESP_ERR_NO_ERROR else {
                    return .failure(
                        KafkaError(rdCode: code, fallback: .consumer, context: "reading the assignment failed"))
                }
                return .success(list.map { RDKafkaTopicPartitionList.partitions(of: $0).sorted() } ?? [])
            } ?? .failure(Self.closedError())
        }
        return try result.get()
    }

    /// A partition's high watermark (the offset the next message will get) as the last fetch response reported
    /// it: a local lookup with no broker round trip, so it may lag a little. `nil` before the first fetch.
    public func cachedHighWatermark(of partition: KafkaTopicPartition) -> Int64? {
        client.withHandle { handle -> Int64? in
            var low: Int64 = -1
            var high: Int64 = -1
            let code = rd_kafka_get_watermark_offsets(handle, partition.topic, partition.partition, &low, &high)
            return code == RD_KAFKA_RESP_ERR_NO_ERROR && high >= 0 ? high : nil
        } ?? nil
    }
}

/// Where a partition's messages start and end.
public struct KafkaWatermarks: Hashable, Sendable {
    /// The offset of the oldest message still kept.
    public let low: Int64
    /// The offset the next message will get.
    public let high: Int64

    public init(low: Int64, high: Int64) {
        self.low = low
        self.high = high
    }
}

extension KafkaConsumer {
    /// The partitions' watermarks, asked of their leaders now.
    ///
    /// The high watermark is the larger of the broker's answer and the last fetch response's, because some brokers
    /// answer the offset query with the first offset of the last record batch rather than the end.
    /// - Parameters:
    ///   - partitions: The partitions to ask about.
    ///   - timeout: How long to wait for each answer.
    /// - Throws: ``KafkaError`` when a leader does not answer, and ``KafkaError/Code/shutdown`` when closed.
    public func watermarks(
        of partitions: [KafkaTopicPartition], timeout: Duration = .seconds(5)
    ) async throws(KafkaError) -> [KafkaTopicPartition: KafkaWatermarks] {
        try ensureOpen()
        let client = client
        let milliseconds = timeout.rdKafkaMilliseconds
        let result = await blockingQueue.perform { () -> Result<[KafkaTopicPartition: KafkaWatermarks], KafkaError> in
            client.withHandle { handle in
                var marks: [KafkaTopicPartition: KafkaWatermarks] = [:]
                for partition in partitions {
                    var low: Int64 = -1
                    var high: Int64 = -1
                    let code = rd_kafka_query_watermark_offsets(
                        handle, partition.topic, partition.partition, &low, &high, milliseconds)
                    guard code == RD_KAFKA_RESP_ERR_NO_ERROR else {
                        return .failure(
                            KafkaError(
                                rdCode: code, fallback: .consumer,
                                context: "asking the end of \(partition.topic)[\(partition.partition)] failed"))
                    }
                    var cachedLow: Int64 = -1
                    var cachedHigh: Int64 = -1
                    _ = rd_kafka_get_watermark_offsets(
                        handle, partition.topic, partition.partition, &cachedLow, &cachedHigh)
                    marks[partition] = KafkaWatermarks(low: low, high: max(high, cachedHigh))
                }
                return .success(marks)
            } ?? .failure(Self.closedError())
        }
        return try result.get()
    }
}

extension KafkaConsumer {
    /// Every partition of `topic`, as the cluster's metadata lists them now; none for a topic that does not exist.
    ///
    /// Asks about this topic only (a consumer does not ask the broker to create it): an answer about every topic
    /// would be large on a big cluster and would leave every topic in this handle's metadata cache, where
    /// librdkafka 2.8 may crash when one of them is deleted.
    /// - Parameters:
    ///   - topic: The topic to ask about.
    ///   - timeout: How long to wait for the answer.
    /// - Throws: ``KafkaError`` when no broker answers, and ``KafkaError/Code/shutdown`` when closed.
    public func partitions(
        of topic: String, timeout: Duration = .seconds(5)
    ) async throws(KafkaError) -> [KafkaTopicPartition] {
        try ensureOpen()
        let client = client
        let milliseconds = timeout.rdKafkaMilliseconds
        let result = await blockingQueue.perform { () -> Result<[KafkaTopicPartition], KafkaError> in
            client.withHandle { handle in
                guard let topicHandle = rd_kafka_topic_new(handle, topic, nil) else {
                    return .failure(
                        KafkaError(
                            rdCode: rd_kafka_last_error(), fallback: .consumer,
                            context: "naming the topic \(topic) failed"))
                }
                defer { rd_kafka_topic_destroy(topicHandle) }
                var metadata: UnsafePointer<rd_kafka_metadata_t>?
                let code = rd_kafka_metadata(handle, 0, topicHandle, &metadata, milliseconds)
                guard code == RD_KAFKA_RESP_ERR_NO_ERROR, let metadata else {
                    return .failure(
                        KafkaError(
                            rdCode: code, fallback: .consumer, context: "asking the partitions of \(topic) failed"))
                }
                defer { rd_kafka_metadata_destroy(metadata) }
                let topics = UnsafeBufferPointer(start: metadata.pointee.topics, count: Int(metadata.pointee.topic_cnt))
                guard let found = topics.first(where: { String(cString: $0.topic) == topic }),
                    found.err == RD_KAFKA_RESP_ERR_NO_ERROR
                else { return .success([]) }
                let partitions = UnsafeBufferPointer(start: found.partitions, count: Int(found.partition_cnt))
                return .success(partitions.map { KafkaTopicPartition(topic: topic, partition: $0.id) }.sorted())
            } ?? .failure(Self.closedError())
        }
        return try result.get()
    }
}
