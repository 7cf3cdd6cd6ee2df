import Foundation
import Kafka
import StoreTestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A mistyped or not yet created topic is not a quiet one: the enricher says so, is not ready, and leaves no
/// dead-letter topic named after it.
@Suite(
    "A topic that does not exist", .enabled(if: BrokerFixture.isAvailable, "needs AKHBAR_TEST_BROKERS"),
    .timeLimit(.minutes(3)))
struct MissingTopicTests {
    /// Whether the brokers know `topic`.
    private static func exists(_ topic: String) async throws -> Bool {
        let consumer = try KafkaConsumer(
            configuration: BrokerFixture.consumerConfiguration(group: BrokerFixture.uniqueName("probe")),
            logger: BrokerFixture.logger)
        defer { Task { await consumer.close() } }
        return try await !consumer.partitions(of: topic, timeout: .seconds(5)).isEmpty
    }

    @Test("--until-idle on a mistyped topic: exit 1 with one sentence and a hint, no <topic>.dlq created")
    func mistypedTopicFailsAtOnce() async throws {
        let topic = BrokerFixture.uniqueName("artciles-raw")
        try await withTemporarySQLitePath { db in
            let enricher = try OperationsTests.enricher(
                topic: topic, group: BrokerFixture.uniqueName("g"), store: .sqlite(db), untilIdle: 3)
            let status = await enricher.waitForExit(timeout: .seconds(60))
            let printed = enricher.printed
            #expect(status == 1, "\(printed.suffix(2_000))")
            #expect(printed.contains("the topic \(topic) does not exist on the brokers. Check --topic"))
            #expect(!printed.contains("EnricherStartError") && !printed.contains(".swift:"))
            #expect(!printed.contains("enricher started"))
        }
        #expect(try await !Self.exists(topic + ".dlq"))
    }

    @Test("SIGTERM while waiting for the topic: exit 0 within 10 s")
    func sigtermWhileWaitingForTheTopic() async throws {
        let topic = BrokerFixture.uniqueName("never")
        try await withTemporarySQLitePath { db in
            let enricher = try ServiceProcess(
                "akhbar-enricher",
                ["run", "--brokers", BrokerFixture.brokers ?? "", "--topic", topic, "--db", db])
            defer { enricher.kill() }
            let deadline = ContinuousClock.now + .seconds(30)
            while !enricher.printed.contains("does not exist yet"), ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(100))
            }
            enricher.terminate()
            #expect(await enricher.waitForExit(timeout: .seconds(10)) == 0, "\(enricher.printed.suffix(2_000))")
        }
    }

    @Test("a service waits for its topic: /ready says why it is not ready, then it consumes once the topic exists")
    func serviceWaitsForItsTopic() async throws {
        let topic = BrokerFixture.uniqueName("later")
        try await withTemporarySQLitePath { db in
            let port = Int.random(in: 30_001...40_000)
            let enricher = try ServiceProcess(
                "akhbar-enricher",
                [
                    "run", "--brokers", BrokerFixture.brokers ?? "", "--topic", topic, "--group",
                    BrokerFixture.uniqueName("g"), "--db", db, "--metrics-port", String(port),
                    "--metrics-host", "127.0.0.1",
                ])
            defer { enricher.kill() }
            func ready() async -> (Int, String)? {
                guard let url = URL(string: "http://127.0.0.1:\(port)/ready"),
                    let (data, response) = try? await URLSession.shared.data(from: url)
                else { return nil }
                return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
            }
            var answer: (Int, String)?
            let deadline = ContinuousClock.now + .seconds(30)
            while answer?.1.contains("does not exist") != true, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(200))
                answer = await ready()
            }
            #expect(answer?.0 == 503, "\(answer?.1 ?? "no answer"): \(enricher.printed.suffix(2_000))")
            #expect(answer?.1 == "not ready: the topic \(topic) does not exist\n")
            #expect(try await !Self.exists(topic + ".dlq"))
            #expect(enricher.printed.contains("the topic \(topic) does not exist yet; waiting for it to be created"))

            try await OperationsTests.ingest(try OperationsTests.writeArticles(20), topic: topic)
            try await OperationsTests.waitForRows(20, in: .sqlite(db), timeout: .seconds(60))
            #expect(await ready()?.0 == 200)
            #expect(try await Self.exists(topic + ".dlq"))
            enricher.terminate()
            #expect(await enricher.waitForExit(timeout: .seconds(15)) == 0)
        }
    }
}
