/// Where the broker stored a message that it acknowledged.
public struct KafkaDeliveryReport: Hashable, Sendable {
    /// The topic the message was written to.
    public var topic: String
    /// The partition the message was written to.
    public var partition: Int32
    /// The offset of the message in its partition.
    public var offset: Int64

    /// Creates a delivery report.
    /// - Parameters:
    ///   - topic: The topic.
    ///   - partition: The partition.
    ///   - offset: The offset in the partition.
    public init(topic: String, partition: Int32, offset: Int64) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
    }
}
