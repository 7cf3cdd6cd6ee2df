import Kafka
import Testing

@Suite("KafkaAdmin", .serialized, .timeLimit(.minutes(3)))
struct KafkaAdminTests {
    @Test("creating a topic twice gives .topicAlreadyExists", .enabled(if: TestBroker.isAvailable))
    func createTwice() async throws {
        let admin = try TestBroker.admin()
        let topic = TestBroker.uniqueName("akhbar-admin")
        try await admin.createTopic(name: topic, partitions: 2)
        await #expect(throws: KafkaError(code: .topicAlreadyExists)) {
            try await admin.createTopic(name: topic, partitions: 2)
        }
    }

    @Test("deleting a missing topic gives .unknownTopicOrPartition", .enabled(if: TestBroker.isAvailable))
    func deleteMissing() async throws {
        let admin = try TestBroker.admin()
        await #expect(throws: KafkaError(code: .unknownTopicOrPartition)) {
            try await admin.deleteTopic(name: TestBroker.uniqueName("akhbar-missing"))
        }
    }

    @Test("an unreachable broker makes an admin call time out", .timeLimit(.minutes(1)))
    func unreachable() async throws {
        let admin = try KafkaAdmin(
            configuration: KafkaAdminConfiguration(bootstrapServers: TestBroker.unreachableServers))
        await #expect(throws: KafkaError(code: .timedOut)) {
            try await admin.createTopic(name: "never", partitions: 1, timeout: .seconds(1))
        }
    }
}
