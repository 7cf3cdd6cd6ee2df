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
