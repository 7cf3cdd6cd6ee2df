import Foundation
import Kafka

/// Reads a topic (a dead-letter topic, or a source topic as a crashed batch saw it) from its start with a
/// throwaway group.
enum TopicReader {
    static func read(topic: String, count: Int, within timeout: Duration = .seconds(60)) async throws
        -> [KafkaConsumerMessage]
    {
        let consumer = try KafkaConsumer(
            configuration: BrokerFixture.consumerConfiguration(group: BrokerFixture.uniqueName("akhbar-it-dlq")),
            logger: BrokerFixture.logger
        )
        try consumer.subscribe(topics: [topic])
        var messages: [KafkaConsumerMessage] = []
        let deadline = ContinuousClock.now + timeout
        while messages.count < count, ContinuousClock.now < deadline {
            if case .message(let message) = try await consumer.poll(timeout: .milliseconds(200)) {
                messages.append(message)
            }
        }
        await consumer.close()
        return messages.sorted { $0.offset < $1.offset }
    }
}

extension KafkaConsumerMessage {
    /// The value of the header named `key`, as UTF-8 text.
    func header(_ key: String) -> String? {
        headers.first { $0.key == key }?.value.map { String(decoding: $0, as: UTF8.self) }
    }
}
