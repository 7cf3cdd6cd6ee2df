import ArabicText
public import Kafka
public import StorePort

extension HandledMessage {
    /// The record for `message` with this outcome.
    public init(_ message: KafkaConsumerMessage, outcome: Outcome) {
        self.init(
            position: MessagePosition(topic: message.topic, partition: message.partition, offset: message.offset),
            digest: Self.digest(of: message),
            outcome: outcome)
    }

    /// FNV-1a of the key's and the value's bytes, each preceded by its length; an absent key or value differs from
    /// an empty one.
    static func digest(of message: KafkaConsumerMessage) -> Int64 {
        var hash = FNV1a()
        for part in [message.key, message.value] {
            hash.combine(value: UInt64(bitPattern: Int64(part.map(\.count) ?? -1)))
            if let part { hash.combine(part) }
        }
        return Int64(bitPattern: hash.value)
    }
}
