public import Foundation
public import Kafka

/// A message of the dead-letter topic, read back: the original key, bytes and headers, and what
/// the enricher's headers say about why and where from (``DeadLetterPublisher/Header``).
public struct DeadLetter: Sendable {
    /// Where the dead letter itself is, in the dead-letter topic.
    public let partition: Int32
    public let offset: Int64
    public let timestamp: Date?
    public let key: [UInt8]?
    public let value: [UInt8]?
    /// The message's own headers, without the enricher's.
    public let originalHeaders: [KafkaHeader]
    public let errorCode: String
    public let errorMessage: String
    /// Where the message was read from; `nil` when its headers do not say (not written by an enricher).
    public let sourceTopic: String?
    public let sourcePartition: Int32?
    public let sourceOffset: Int64?
    /// The original value's size when the dead letter holds only its beginning (it was too large for the topic).
    public let originalBytes: Int?

    public init(_ message: KafkaConsumerMessage) {
        func text(_ name: String) -> String? {
            message.headers.last { $0.key == name }?.value.map { String(decoding: $0, as: UTF8.self) }
        }
        partition = message.partition
        offset = message.offset
        timestamp = message.timestamp
        key = message.key
        value = message.value
        originalHeaders = message.headers.filter { !DeadLetterPublisher.Header.all.contains($0.key) }
        errorCode = text(DeadLetterPublisher.Header.errorCode) ?? "unknown"
        errorMessage = text(DeadLetterPublisher.Header.errorMessage) ?? ""
        sourceTopic = text(DeadLetterPublisher.Header.sourceTopic)
        sourcePartition = text(DeadLetterPublisher.Header.sourcePartition).flatMap { Int32($0) }
        sourceOffset = text(DeadLetterPublisher.Header.sourceOffset).flatMap { Int64($0) }
        originalBytes = text(DeadLetterPublisher.Header.originalBytes).flatMap { Int($0) }
    }
}
