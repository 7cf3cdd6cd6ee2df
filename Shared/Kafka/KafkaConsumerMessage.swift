#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// A message read by a ``KafkaConsumer``.
///
/// Nothing about a message makes it unreadable here: a `nil` ``value`` is a tombstone, a missing key is `nil`,
/// and a topic or header key that is not valid UTF-8 is repaired with U+FFFD rather than trapping.
public struct KafkaConsumerMessage: Hashable, Sendable {
    /// The topic the message came from.
    public var topic: String
    /// The partition the message came from.
    public var partition: Int32
    /// The offset of the message in its partition. Commit `offset + 1` once it is processed.
    public var offset: Int64
    /// The key, or `nil` when the message has none.
    public var key: [UInt8]?
    /// The value, or `nil` for a tombstone.
    public var value: [UInt8]?
    /// The record headers, in order.
    public var headers: [KafkaHeader]
    /// The record timestamp (create or log-append time), or `nil` when the broker gave none.
    public var timestamp: Date?

    /// Creates a message; the consumer makes these, tests and replays may too.
    /// - Parameters:
    ///   - topic: The topic.
    ///   - partition: The partition.
    ///   - offset: The offset in the partition.
    ///   - key: The key, `nil` for none.
    ///   - value: The value, `nil` for a tombstone.
    ///   - headers: The record headers.
    ///   - timestamp: The record timestamp.
    public init(
        topic: String,
        partition: Int32,
        offset: Int64,
        key: [UInt8]? = nil,
        value: [UInt8]?,
        headers: [KafkaHeader] = [],
        timestamp: Date? = nil
    ) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
        self.key = key
        self.value = value
        self.headers = headers
        self.timestamp = timestamp
    }
}
