/// One partition of a topic.
public struct KafkaTopicPartition: Hashable, Sendable, Comparable {
    /// The topic.
    public var topic: String
    /// The partition number.
    public var partition: Int32

    /// Creates a topic partition.
    /// - Parameters:
    ///   - topic: The topic.
    ///   - partition: The partition number.
    public init(topic: String, partition: Int32) {
        self.topic = topic
        self.partition = partition
    }

    /// Orders by topic, then partition.
    public static func < (lhs: KafkaTopicPartition, rhs: KafkaTopicPartition) -> Bool {
        (lhs.topic, lhs.partition) < (rhs.topic, rhs.partition)
    }
}
