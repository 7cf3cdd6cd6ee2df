/// An offset in one partition of a topic, as committed to or read from a consumer group.
///
/// A committed offset is the offset of the **next** message to read, that is the last processed offset + 1:
/// committing offset 42 means messages 0...41 are done. ``offsetsToCommit(after:)`` builds that list from the
/// processed messages.
public struct KafkaTopicPartitionOffset: Hashable, Sendable {
    /// The topic.
    public var topic: String
    /// The partition number.
    public var partition: Int32
    /// The offset of the next message to read in this partition.
    public var offset: Int64

    /// Creates a partition offset.
    /// - Parameters:
    ///   - topic: The topic.
    ///   - partition: The partition number.
    ///   - offset: The offset of the next message to read (last processed offset + 1).
    public init(topic: String, partition: Int32, offset: Int64) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
    }

    /// The topic and partition of this offset.
    public var topicPartition: KafkaTopicPartition { KafkaTopicPartition(topic: topic, partition: partition) }

    /// The offsets to commit once `messages` are processed: for each partition, its highest offset + 1.
    ///
    /// The result is sorted by topic and partition. Pass it to ``KafkaConsumer/commit(_:)``.
    /// - Parameter messages: Processed messages, in any order.
    /// - Returns: One offset per partition that appears in `messages`.
    public static func offsetsToCommit(
        after messages: some Sequence<KafkaConsumerMessage>
    ) -> [KafkaTopicPartitionOffset] {
        var highest: [KafkaTopicPartition: Int64] = [:]
        for message in messages {
            let key = KafkaTopicPartition(topic: message.topic, partition: message.partition)
            highest[key] = max(highest[key] ?? message.offset, message.offset)
        }
        return highest.keys.sorted().map { key in
            KafkaTopicPartitionOffset(topic: key.topic, partition: key.partition, offset: highest[key]! + 1)
        }
    }
}
