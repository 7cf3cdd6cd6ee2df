/// Where a message was read: its topic, partition and offset.
public struct MessagePosition: Sendable, Hashable {
    public let topic: String
    public let partition: Int32
    public let offset: Int64

    public init(topic: String, partition: Int32, offset: Int64) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
    }

    /// The partition the message belongs to.
    public var partitionKey: TopicPartition { TopicPartition(topic: topic, partition: partition) }
}

/// One partition of a topic.
public struct TopicPartition: Sendable, Hashable {
    public let topic: String
    public let partition: Int32

    public init(topic: String, partition: Int32) {
        self.topic = topic
        self.partition = partition
    }
}

/// A message the enricher has dealt with, as the store records it: where it was read, a digest of its key and
/// bytes, and what became of it.
///
/// The digest tells a message read again at the same place from a different one there: Kafka restarts the offsets
/// of a topic that was deleted and created again, so a position alone names different messages over time.
public struct HandledMessage: Sendable, Hashable {
    public enum Outcome: String, Sendable {
        /// Its article is stored.
        case stored
        /// It went to the dead-letter topic.
        case deadLettered = "dead-lettered"
    }

    public let position: MessagePosition
    /// A 64-bit digest of the message's key and value, computed by the consumer side.
    public let digest: Int64
    public let outcome: Outcome

    public init(position: MessagePosition, digest: Int64, outcome: Outcome) {
        self.position = position
        self.digest = digest
        self.outcome = outcome
    }
}
