import Foundation
import Kafka
import Logging

/// The real broker the integration tests run against, named by `AKHBAR_TEST_BROKERS`
/// (`make test` starts one and sets it). Each test gets its own topic and group.
enum BrokerFixture {
    static let brokers: String? = ProcessInfo.processInfo.environment["AKHBAR_TEST_BROKERS"].flatMap {
        $0.isEmpty ? nil : $0
    }
    static var isAvailable: Bool { brokers != nil }
    static var bootstrapServers: [String] { (brokers ?? "").split(separator: ",").map(String.init) }

    static let logger: Logger = {
        var logger = Logger(label: "akhbar.integration-tests")
        logger.logLevel = .warning
        return logger
    }()

    /// A topic name no other test uses.
    static func uniqueName(_ prefix: String) -> String { "\(prefix)-\(UUID().uuidString.prefix(8))" }

    static func adminConfiguration() -> KafkaAdminConfiguration {
        KafkaAdminConfiguration(bootstrapServers: bootstrapServers, clientID: "akhbar-tests-admin")
    }

    static func admin() throws -> KafkaAdmin {
        try KafkaAdmin(configuration: adminConfiguration(), logger: logger)
    }

    static func producerConfiguration() -> KafkaProducerConfiguration {
        var configuration = KafkaProducerConfiguration(bootstrapServers: bootstrapServers, clientID: "akhbar-tests")
        configuration.messageTimeout = .seconds(30)
        return configuration
    }

    static func consumerConfiguration(group: String) -> KafkaConsumerConfiguration {
        KafkaConsumerConfiguration(
            bootstrapServers: bootstrapServers,
            clientID: "akhbar-tests",
            groupID: group,
            sessionTimeout: .seconds(6),
            maxPollInterval: .seconds(10)
        )
    }

    /// Creates a topic and its dead-letter topic for `body`. They are left on the test broker, which goes with the
    /// run: deleting a topic while a client of this process still holds it in its metadata can crash librdkafka
    /// 2.8, and so the whole test process.
    static func withTopic<T>(
        partitions: Int32 = 4,
        _ body: (String) async throws -> T
    ) async throws -> T {
        let topic = uniqueName("akhbar-it")
        let admin = try admin()
        try await admin.createTopic(name: topic, partitions: partitions, replicationFactor: -1, timeout: .seconds(30))
        try await admin.createTopic(name: topic + ".dlq", partitions: 1, replicationFactor: -1, timeout: .seconds(30))
        return try await body(topic)
    }
}
