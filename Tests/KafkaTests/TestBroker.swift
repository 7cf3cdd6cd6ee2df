import Foundation
import Kafka

/// The broker the integration tests use: `AKHBAR_TEST_BROKERS` (`host:port[,host:port…]`); they skip without it.
enum TestBroker {
    static let servers: [String] =
        ProcessInfo.processInfo.environment["AKHBAR_TEST_BROKERS"]?.split(separator: ",").map(String.init) ?? []

    /// Whether `AKHBAR_TEST_BROKERS` names a broker; an empty value counts as none.
    static var isAvailable: Bool { !servers.isEmpty }

    /// A unique name, so tests never see each other's topics or groups.
    static func uniqueName(_ prefix: String) -> String { "\(prefix)-\(UUID().uuidString.lowercased())" }

    static func producer(messageTimeout: Duration = .seconds(30)) throws -> KafkaProducer {
        try KafkaProducer(
            configuration: KafkaProducerConfiguration(bootstrapServers: servers, messageTimeout: messageTimeout))
    }

    /// A consumer tuned for Tansu, which needs about 3 s to join a group and short session and poll intervals.
    static func consumer(group: String) throws -> KafkaConsumer {
        try KafkaConsumer(
            configuration: KafkaConsumerConfiguration(
                bootstrapServers: servers,
                groupID: group,
                sessionTimeout: .seconds(6),
                maxPollInterval: .seconds(10)
            )
        )
    }

    static func admin() throws -> KafkaAdmin {
        try KafkaAdmin(configuration: KafkaAdminConfiguration(bootstrapServers: servers))
    }

    /// Runs `body` with a fresh topic. The topic is left on the test broker, which goes with the run: deleting a
    /// topic while a client of this process still holds it in its metadata (a producer not yet destroyed) can crash
    /// librdkafka 2.8, and so the whole test process.
    static func withTopic<Result>(
        partitions: Int32 = 4,
        _ body: (String) async throws -> Result
    ) async throws -> Result {
        let topic = uniqueName("akhbar-test")
        try await admin().createTopic(name: topic, partitions: partitions)
        return try await body(topic)
    }

    /// A broker address where nothing listens (port 1 on loopback refuses connections at once).
    static let unreachableServers = ["127.0.0.1:1"]
}
