import Foundation
import StorePort
import StoreTestSupport
import Testing

extension OperationsTests {
    /// A PostgreSQL cluster of the test's own (deploy/postgres.sh on `port`): restarting the shared one would fail
    /// the tests that run beside this one.
    private static func postgres(_ command: String, port: Int) throws -> String {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("deploy/postgres.sh")
        let process = Process()
        process.executableURL = script
        process.arguments = [command, String(port)]
        var environment = ProcessInfo.processInfo.environment
        environment["AKHBAR_POSTGRES_PASSWORD"] = environment["PGPASSWORD"] ?? "akhbar-test"
        process.environment = environment
        // A file, not a pipe: the server the script starts inherits the descriptor and would hold a pipe open.
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("akhbar-it-\(UUID()).out")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        process.standardOutput = try FileHandle(forWritingTo: output)
        try process.run()
        process.waitUntilExit()
        let printed = try String(contentsOf: output, encoding: .utf8)
        try #require(process.terminationStatus == 0, "deploy/postgres.sh \(command) \(port) failed")
        return printed.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test(
        "PostgreSQL restarted mid-run: the enricher rides it out or exits 1 without committing; a rerun stores all once",
        .enabled(if: StoreBackend.postgresAddress != nil, "needs AKHBAR_TEST_POSTGRES"))
    func postgresRestartLosesNothing() async throws {
        let port = 15_436
        let address = try Self.postgres("up", port: port)
        defer { _ = try? Self.postgres("down", port: port) }
        try await BrokerFixture.withTopic(partitions: 2) { topic in
            let count = 1_000
            try await Self.ingest(try Self.writeArticles(count), topic: topic)
            let store = StoreLocation.postgres(address + "?schema=restart_\(UInt32.random(in: 0...UInt32.max))")
            let group = BrokerFixture.uniqueName("g")
            let first = try Self.enricher(topic: topic, group: group, store: store)
            try await Self.waitForRows(100, in: store)
            _ = try Self.postgres("down", port: port)
            try await Task.sleep(for: .seconds(1))
            _ = try Self.postgres("up", port: port)
            let status = await first.waitForExit(timeout: .seconds(120))
            let exit = status.map(String.init) ?? "none"
            print("PostgreSQL restarted under the enricher: exit \(exit), \(first.summary ?? [:])")
            #expect(status == 0 || status == 1, "\(first.printed.suffix(2_000))")
            if status == 1 { #expect(first.printed.contains("PostgreSQL"), "\(first.printed.suffix(2_000))") }

            let second = try Self.enricher(topic: topic, group: group, store: store, untilIdle: 5)
            #expect(await second.waitForExit(timeout: .seconds(240)) == 0, "\(second.printed.suffix(2_000))")
            let writes = try await store.open().writeCounts()
            #expect(writes.count == count)
            #expect(writes.values.allSatisfy { $0 == 1 }, "stored twice: \(writes.filter { $0.value > 1 }.count)")
        }
    }
}
