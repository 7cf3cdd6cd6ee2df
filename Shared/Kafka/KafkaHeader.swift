/// A Kafka record header: a key and an optional value.
public struct KafkaHeader: Hashable, Sendable {
    /// The header key.
    public var key: String
    /// The header value; `nil` is a header without a value, which Kafka distinguishes from an empty one.
    public var value: [UInt8]?

    /// Creates a header.
    /// - Parameters:
    ///   - key: The header key.
    ///   - value: The header value, `nil` for none.
    public init(key: String, value: [UInt8]?) {
        self.key = key
        self.value = value
    }
}
