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
        /// On a dead letter whose value was cut to fit the topic: the original value's size in bytes.
        static let originalBytes = "akhbar.original.bytes"

        /// The headers the enricher adds, which a redrive leaves out.
        static let all: Set<String> = [
            errorCode, errorMessage, sourceTopic, sourcePartition, sourceOffset, redrivenFrom, originalBytes,
        ]
    }

    let sink: any DeadLetterSink
    let topic: String

    /// Room left in a message for record framing beyond key, value and headers.
    private static let slackBytes = 1_024

    /// Publishes the message and returns once the broker acknowledged it.
    ///
    /// A message too large for the dead-letter topic (it can be as large as the source topic allows, and the
    /// headers add to it) never blocks: its value is cut to what fits, and the header ``Header/originalBytes``
    /// gives its full size, so the letter still says why and where from. When the broker refuses even that (its
    /// limit is lower than the producer's), the value is cut further, and last the key and the message's own
    /// headers go too.
    func send(_ message: KafkaConsumerMessage, code: String, reason: String) async throws(KafkaError) {
        let reasons = [
            KafkaHeader(key: Header.errorCode, value: Array(code.utf8)),
            KafkaHeader(key: Header.errorMessage, value: Array(reason.utf8)),
            KafkaHeader(key: Header.sourceTopic, value: Array(message.topic.utf8)),
            KafkaHeader(key: Header.sourcePartition, value: Array(String(message.partition).utf8)),
            KafkaHeader(key: Header.sourceOffset, value: Array(String(message.offset).utf8)),
        ]
        let value = message.value ?? []
        let framing = (message.key?.count ?? 0) + (message.headers + reasons).reduce(0) { $0 + $1.byteCount }
        let fits = max(0, sink.maxMessageBytes - framing - Self.slackBytes)
        let attempts: [(valueBytes: Int, keepsKeyAndHeaders: Bool)] = [
            (min(fits, value.count), true), (min(fits, value.count, 64 * 1_024), true), (0, true), (0, false),
        ]
        for (index, attempt) in attempts.enumerated() {
            var headers = attempt.keepsKeyAndHeaders ? message.headers + reasons : reasons
            if attempt.valueBytes < value.count {
                headers.append(KafkaHeader(key: Header.originalBytes, value: Array(String(value.count).utf8)))
            }
            do {
                try await sink.send(
                    topic: topic, key: attempt.keepsKeyAndHeaders ? message.key : nil,
                    value: Array(value.prefix(attempt.valueBytes)), headers: headers)
                return
            } catch  where error.code == .messageTooLarge && index < attempts.count - 1 {
                continue
            }
        }
    }
}

extension KafkaHeader {
    /// The bytes the header adds to a message, without framing.
    fileprivate var byteCount: Int { key.utf8.count + (value?.count ?? 0) }
}
