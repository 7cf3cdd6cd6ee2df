import FixtureFiles
import Foundation
import Testing

/// One trace per article from the ingest to the store: the real executables export their spans over OTLP/HTTP to a
/// collector stand-in, and the trace context crosses the broker in the messages' headers.
@Suite(
    "Trace propagation", .enabled(if: BrokerFixture.isAvailable, "needs AKHBAR_TEST_BROKERS"),
    .timeLimit(.minutes(3)))
struct TracePropagationTests {
    @Test("each seed article is one trace: ingest send → enricher process → store article, linked to its batch")
    func oneTracePerArticle() async throws {
        let collector = OTLPCollectorStandIn()
        let topic = BrokerFixture.uniqueName("traces")
        let database = FileManager.default.temporaryDirectory.appendingPathComponent("\(topic).sqlite")
        defer { try? FileManager.default.removeItem(at: database) }
        let brokers = ["--brokers", BrokerFixture.brokers ?? ""]
        let outputs = try await collector.serve { endpoint in
            let environment = [
                "OTEL_EXPORTER_OTLP_ENDPOINT": endpoint, "OTEL_EXPORTER_OTLP_PROTOCOL": "http/json",
                "OTEL_BSP_SCHEDULE_DELAY": "100",
            ]
            let ingest = try ServiceProcess(
                "akhbar-ingest",
                ["publish", "--topic", topic, "--create-topic", "--partitions", "2", FixtureFiles.seedDirectory.path]
                    + brokers, environment: environment)
            let ingested = await ingest.waitForExit(timeout: .seconds(60))
            let enricher = try ServiceProcess(
                "akhbar-enricher",
                ["run", "--topic", topic, "--group", "\(topic)-group", "--db", database.path, "--until-idle", "2"]
                    + brokers, environment: environment)
            let enriched = await enricher.waitForExit(timeout: .seconds(90))
            #expect(ingested == 0, "\(ingest.printed.suffix(2_000))")
            #expect(enriched == 0, "\(enricher.printed.suffix(2_000))")
            return ingest.printed + enricher.printed
        }
        let spans = collector.spans
        let sends = spans.filter { $0.service == "akhbar-ingest" && $0.name == "send \(topic)" }
        #expect(sends.count == 5, "\(outputs.suffix(2_000))")
        #expect(Set(sends.map(\.traceID)).count == sends.count, "one trace per article")
        let batchSpans = Set(spans.filter { $0.name == "store batch" }.map(\.spanID))
        #expect(!batchSpans.isEmpty)
        for send in sends {
            let article = send.attributes["akhbar.article.id"]
            let trace = spans.filter { $0.traceID == send.traceID }
            let process = trace.filter {
                $0.service == "akhbar-enricher" && $0.name == "process \(topic)" && $0.parentSpanID == send.spanID
            }
            #expect(process.count == 1, "article \(article ?? "?"): \(trace.map(\.name))")
            #expect(process.first?.attributes["akhbar.article.id"] == article)
            let stored = trace.filter { $0.name == "store article" && $0.parentSpanID == process.first?.spanID }
            #expect(stored.count == 1, "article \(article ?? "?"): \(trace.map(\.name))")
            #expect(stored.first.map { !batchSpans.isDisjoint(with: $0.links) } == true, "linked to its batch")
        }
    }
}
