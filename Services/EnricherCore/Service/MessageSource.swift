public import Kafka

/// What the enricher needs of its consumer: the group's messages and rebalances, flow control, commits, and where
/// partitions end. `KafkaConsumer` is the one the service runs with; tests hand it a scripted one.
public protocol MessageSource: Sendable {
    func subscribe(topics: [String]) throws(KafkaError)
    func poll(timeout: Duration) async throws(KafkaError) -> KafkaConsumerEvent?
    func pause(_ partitions: some Collection<KafkaTopicPartition>) throws(KafkaError)
    func resume(_ partitions: some Collection<KafkaTopicPartition>) throws(KafkaError)
    func commit(_ offsets: [KafkaTopicPartitionOffset]) async throws(KafkaError)
    /// The high watermark the last fetch saw, without asking the broker.
    func cachedHighWatermark(of partition: KafkaTopicPartition) -> Int64?
    func partitions(of topic: String, timeout: Duration) async throws(KafkaError) -> [KafkaTopicPartition]
    func watermarks(of partitions: [KafkaTopicPartition], timeout: Duration)
        async throws(KafkaError) -> [KafkaTopicPartition: KafkaWatermarks]
    func committedOffsets(for partitions: [KafkaTopicPartition], timeout: Duration)
        async throws(KafkaError) -> [KafkaTopicPartitionOffset]
    func close() async
}

extension KafkaConsumer: MessageSource {}
