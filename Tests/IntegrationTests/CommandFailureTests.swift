import Foundation
import Testing

/// Commands that reach nothing fail loudly: no broker answers, no database at the path. None of these needs a
/// broker; each runs the real executable.
@Suite("Commands that reach nothing", .timeLimit(.minutes(3)))
struct CommandFailureTests {
    /// Nothing listens on port 1 of the loopback address.
    private static let unreachable = ["--brokers", "127.0.0.1:1", "--connect-timeout", "2"]

    private static func absentDatabasePath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("akhbar-missing-\(UUID()).sqlite").path
    }

    private static func run(_ executable: String, _ arguments: [String]) async throws -> (Int32?, String) {
        let process = try ServiceProcess(executable, arguments)
        let status = await process.waitForExit(timeout: .seconds(60))
        if status == nil { process.kill() }
        return (status, process.printed)
    }

    @Test(
        "dlq list, dlq redrive and the enricher exit 1 naming the brokers when none answers",
        arguments: [["dlq", "list"], ["dlq", "redrive"], ["run", "--until-idle", "3", "--db", absentDatabasePath()]])
    func unreachableBrokers(command: [String]) async throws {
        let (status, printed) = try await Self.run("akhbar-enricher", command + Self.unreachable)
        #expect(status == 1, "\(printed.suffix(2_000))")
        #expect(printed.contains("cannot reach the brokers 127.0.0.1:1"), "\(printed.suffix(2_000))")
        #expect(!printed.contains("0 dead letters") && !printed.contains("redriven: 0"))
        // One sentence with a hint, no type names or source paths.
        #expect(printed.contains("Check --brokers") && !printed.contains("KafkaError") && !printed.contains(".swift:"))
    }

    @Test("an enricher waiting for brokers that are down obeys SIGTERM within 10 s and exits 0")
    func sigtermWhileBrokersAreDown() async throws {
        let process = try ServiceProcess(
            "akhbar-enricher", ["run", "--brokers", "127.0.0.1:1", "--db", Self.absentDatabasePath()])
        // Signalled once it is retrying, the state in which it used to wait out its whole patience.
        let deadline = ContinuousClock.now + .seconds(60)
        while !process.printed.contains("brokers not reachable"), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(100))
        }
        let signalled = ContinuousClock.now
        process.terminate()
        let status = await process.waitForExit(timeout: .seconds(10))
        if status == nil { process.kill() }
        #expect(
            status == 0, "not stopped \(signalled.duration(to: .now)) after SIGTERM: \(process.printed.suffix(2_000))")
        #expect(process.printed.contains("stopped before any broker answered"))
    }

    @Test(
        "show, query and serve-query on a mistyped --db exit 1 naming it, and create no file",
        arguments: [["show"], ["query", "stats"], ["serve-query", "--port", "0"]])
    func missingDatabase(command: [String]) async throws {
        let db = Self.absentDatabasePath()
        let (status, printed) = try await Self.run("akhbar-enricher", command + ["--db", db])
        #expect(status == 1, "\(printed.suffix(2_000))")
        #expect(printed.contains("no database at \(db)"), "\(printed.suffix(2_000))")
        #expect(!FileManager.default.fileExists(atPath: db))
    }
}
