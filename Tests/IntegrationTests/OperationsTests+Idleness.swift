import EnricherCore
import Foundation
import SQLiteStore
import StorePort
import StoreTestSupport
import Testing

/// `--until-idle` as the benchmark and the demo use it: caught up on every partition, then quiet.
extension OperationsTests {
    @Test("3,000 articles on 4 partitions, one enricher with --until-idle 3 and its own batching: all stored")
    func untilIdleReadsEveryPartition() async throws {
        try await Self.withIngested(3_000, partitions: 4) { topic, db, group, count in
            // The enricher's default batch size and interval, as users run it; the other tests batch smaller.
            let enricher = try ServiceProcess(
                "akhbar-enricher",
                ["--brokers", BrokerFixture.brokers ?? "", "--topic", topic, "--group", group] + db.arguments
                    + ["--until-idle", "3"])
            #expect(await enricher.waitForExit(timeout: .seconds(300)) == 0, "\(enricher.printed.suffix(2_000))")
            print("\(count) articles on 4 partitions, --until-idle 3: \(enricher.summary ?? [:])")
            #expect(enricher.summary?["stored"] == count)
            #expect(try await db.open().articleCount() == count)
        }
    }
}
