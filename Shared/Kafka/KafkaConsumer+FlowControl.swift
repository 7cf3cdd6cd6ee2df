import CRdKafka

extension KafkaConsumer {
    /// Stops fetching from partitions while the application catches up; polling goes on, so the member stays in
    /// its group (`max.poll.interval`) but receives no messages of these partitions until ``resume(_:)``.
    ///
    /// Messages fetched but not yet delivered are dropped and fetched again after the resume, from the position
    /// after the last message delivered, so nothing is skipped. A partition that is revoked is no longer paused.
    /// - Throws: ``KafkaError/Code/consumer`` when librdkafka refuses, and ``KafkaError/Code/shutdown`` when closed.
    public func pause(_ partitions: some Collection<KafkaTopicPartition>) throws(KafkaError) {
        try setPaused(true, partitions)
    }

    /// Fetches again from partitions paused with ``pause(_:)``.
    /// - Throws: ``KafkaError/Code/consumer`` when librdkafka refuses, and ``KafkaError/Code/shutdown`` when closed.
    public func resume(_ partitions: some Collection<KafkaTopicPartition>) throws(KafkaError) {
        try setPaused(false, partitions)
    }

    private func setPaused(_ paused: Bool, _ partitions: some Collection<KafkaTopicPartition>) throws(KafkaError) {
        guard !partitions.isEmpty else { return }
        try ensureOpen()
        let entries = partitions.map { ($0.topic, $0.partition, Int64(RD_KAFKA_OFFSET_INVALID)) }
        let code = client.withHandle { handle in
            RDKafkaTopicPartitionList.with(entries) { list in
                // Both calls only queue an operation for librdkafka's threads: they do not block.
                paused ? rd_kafka_pause_partitions(handle, list) : rd_kafka_resume_partitions(handle, list)
            }
        }
        guard let code else { throw Self.closedError() }
        guard code == RD_KAFKA_RESP_ERR_NO_ERROR else {
            throw KafkaError(
                rdCode: code, fallback: .consumer,
                context: "\(paused ? "pausing" : "resuming") \(partitions.count) partition(s) failed")
        }
    }
}
