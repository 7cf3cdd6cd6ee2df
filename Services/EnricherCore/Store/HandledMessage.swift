import ArabicText
public import Kafka

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

    /// The message's own position: its topic, partition and offset.
    public let position: KafkaTopicPartitionOffset
    /// FNV-1a of the key's and the value's bytes, each preceded by its length.
    public let digest: Int64
    public let outcome: Outcome

    public init(position: KafkaTopicPartitionOffset, digest: Int64, outcome: Outcome) {
        self.position = position
        self.digest = digest
        self.outcome = outcome
    }

    /// The record for `message` with this outcome.
    public init(_ message: KafkaConsumerMessage, outcome: Outcome) {
        self.init(
            position: KafkaTopicPartitionOffset(
                topic: message.topic, partition: message.partition, offset: message.offset),
            digest: Self.digest(of: message),
            outcome: outcome)
    }

    /// The digest of a message's key and value; an absent key or value differs from an empty one.
    public static func digest(of message: KafkaConsumerMessage) -> Int64 {
        var hash = FNV1a()
        for part in [message.key, message.value] {
            hash.combine(value: UInt64(bitPattern: Int64(part.map(\.count) ?? -1)))
            if let part { hash.combine(part) }
        }
        return Int64(bitPattern: hash.value)
    }
}
