import Kafka
import Logging
import Testing

@testable import EnricherCore

@Suite("Progress records of a working enricher")
struct ProgressReportTests {
    private static func counters(consumed: Int, stored: Int) -> EnricherCounters {
        var counters = EnricherCounters()
        counters.consumed = consumed
        counters.stored = stored
        return counters
    }

    @Test("one record per interval with the totals, the rate since the last one and what is left; none while idle")
    func recordsPerInterval() {
        let start = ContinuousClock.now
        var report = ProgressReport(interval: .seconds(10), now: start)
        #expect(
            report.due(counters: Self.counters(consumed: 50, stored: 0), remaining: 10, now: start + .seconds(5)) == nil
        )
        let first = report.due(
            counters: Self.counters(consumed: 1_000, stored: 900), remaining: 4_000, now: start + .seconds(10))
        #expect(first?["consumed"] == "1000" && first?["stored"] == "900")
        #expect(first?["per_second"] == "100" && first?["remaining"] == "4000")
        let second = report.due(
            counters: Self.counters(consumed: 1_500, stored: 1_500), remaining: nil, now: start + .seconds(20))
        #expect(second?["per_second"] == "50" && second?["remaining"] == nil)
        // Nothing consumed since: no record.
        #expect(
            report.due(counters: Self.counters(consumed: 1_500, stored: 1_500), remaining: 0, now: start + .seconds(40))
                == nil)
    }

    @Test("what is left: the sum over the partitions, unknown until every partition's position and end are known")
    func remaining() {
        let partitions = [0, 1].map { KafkaTopicPartition(topic: "t", partition: $0) }
        let highs = [partitions[0]: Int64(100), partitions[1]: Int64(50)]
        #expect(
            ProgressReport.remaining(
                on: Set(partitions), after: [partitions[0]: 40, partitions[1]: 60], highWatermark: { highs[$0] })
                == 60)
        #expect(
            ProgressReport.remaining(on: Set(partitions), after: [partitions[0]: 40], highWatermark: { highs[$0] })
                == nil)
    }
}
