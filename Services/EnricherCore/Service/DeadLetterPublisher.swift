import Foundation
import Kafka

/// Sends messages the enricher cannot process to the dead-letter topic: the original key and
/// bytes, unchanged, with headers that say why and where they came from, so they can be
/// inspected and redriven after a fix.
struct DeadLetterPublisher: Sendable {
    /// Header names on dead-lettered messages.
    enum Header {
        static let errorCode = "akhbar.error.code"
        static let errorMessage = "akhbar.error.message"
        static let sourceTopic = "akhbar.source.topic"
        static let sourcePartition = "akhbar.source.partition"
        static let sourceOffset = "akhbar.source.offset"
        /// On a redriven message: the dead letter it came from, as `topic[partition]@offset`.
        static let redrivenFrom = "akhbar.redriven.from"

        /// The headers the enricher adds, which a redrive leaves out.
        static let all: Set<String> = [
            errorCode, errorMessage, sourceTopic, sourcePartition, sourceOffset, redrivenFrom,
        ]
    }

    let producer: KafkaProducer
    let topic: String

    /// Publishes the message and returns once the broker acknowledged it.
    func send(_ message: KafkaConsumerMessage, code: String, reason: String) async throws(KafkaError) {
        let headers =
            message.headers + [
                KafkaHeader(key: Header.errorCode, value: Array(code.utf8)),
                KafkaHeader(key: Header.errorMessage, value: Array(reason.utf8)),
                KafkaHeader(key: Header.sourceTopic, value: Array(message.topic.utf8)),
                KafkaHeader(key: Header.sourcePartition, value: Array(String(message.partition).utf8)),
                KafkaHeader(key: Header.sourceOffset, value: Array(String(message.offset).utf8)),
            ]
        _ = try await producer.send(topic: topic, key: message.key, value: message.value ?? [], headers: headers)
    }
}
