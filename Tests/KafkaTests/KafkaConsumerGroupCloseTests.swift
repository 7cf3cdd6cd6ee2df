import Kafka
import Testing

/// Members of one group closing while the group rebalances around them: every close must return.
///
/// librdkafka 2.8 answers no request once its group has terminated, so a rebalance callback that reaches it late
/// (an `assign` from inside `rd_kafka_consumer_close`) would wait for ever. The consumer leaves the group before it
/// closes; these rounds close members at several stages of their group's rebalances, one of them with rebalances
/// waiting in its queue. The race itself is rare (one hang in many full test runs), so passing here is a guard,
/// not a proof.
@Suite("KafkaConsumer group close", .serialized, .timeLimit(.minutes(6)), .enabled(if: TestBroker.isAvailable))
struct KafkaConsumerGroupCloseTests {
    @Test("members closing at several stages of their group's rebalances all close, round after round")
    func closeDuringRebalances() async throws {
        try await TestBroker.withTopic(partitions: 6) { topic in
            let producer = try TestBroker.producer()
            for index in 0..<600 {
                _ = try await producer.send(topic: topic, key: Array("k\(index)".utf8), value: Array("v".utf8))
            }
            await producer.shutdown(timeout: .seconds(5))
            // Delays from the first subscription to the closes: while the group forms (the broker holds a new group
            // about 3 s), while it hands out partitions, and while members leave one after another.
            let delays: [Duration] = [.milliseconds(500), .milliseconds(3_400), .seconds(6)]
            for (round, delay) in delays.enumerated() {
                // A hang lasts for ever; under the whole suite's load a round takes up to about 40 s.
                let closed = try await withDeadline(.seconds(100)) {
                    try await Self.round(topic: topic, members: 3, closeAfter: delay)
                }
                #expect(closed == true, "round \(round): a member did not close within 100 s")
            }
        }
    }

    /// Starts `members` consumers of one new group, each reading in its own task, and closes them one after
    /// another from `closeAfter` on, each close starting a rebalance for the members still in.
    private static func round(topic: String, members: Int, closeAfter delay: Duration) async throws -> Bool {
        let group = TestBroker.uniqueName("akhbar-group")
        let consumers = try (0..<members).map { _ in try TestBroker.consumer(group: group) }
        for consumer in consumers { try consumer.subscribe(topics: [topic]) }
        // The first member stops polling a while before the closes, as a service does once it is idle, so that
        // rebalances wait in its queue when its close begins; the others poll until they are closed.
        let quietFrom = ContinuousClock.now + delay - .milliseconds(800)
        let readers = consumers.enumerated().map { index, consumer in
            Task {
                while index > 0 || ContinuousClock.now < quietFrom {
                    do throws(KafkaError) {
                        _ = try await consumer.poll(timeout: .milliseconds(100))
                    } catch {
                        return
                    }
                }
            }
        }
        try await Task.sleep(for: delay)
        for consumer in consumers {
            await consumer.close()
            try await Task.sleep(for: .milliseconds(150))
        }
        for reader in readers { await reader.value }
        return true
    }
}
