import Foundation

/// One run of a built executable of this package (`akhbar-enricher`, `akhbar-ingest`) as a real
/// process, so that tests can kill it, send it SIGTERM and read what it printed.
final class ServiceProcess: @unchecked Sendable {
    private let process = Process()
    private let output: URL

    /// Starts `executable` with `arguments`, and `environment` added to this process's; its standard output and
    /// error go to a file.
    init(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws {
        output = FileManager.default.temporaryDirectory.appendingPathComponent("akhbar-it-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        process.executableURL = try Self.executable(executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
    }

    deinit {
        if process.isRunning { process.terminate() }
        try? FileManager.default.removeItem(at: output)
    }

    var isRunning: Bool { process.isRunning }

    func kill() { Foundation.kill(process.processIdentifier, SIGKILL) }

    func terminate() { Foundation.kill(process.processIdentifier, SIGTERM) }

    /// Waits for the process to exit; returns its exit status, or `nil` if it is still running after `timeout`.
    func waitForExit(timeout: Duration) async -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            guard ContinuousClock.now < deadline else { return nil }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return process.terminationStatus
    }

    /// Everything the process printed so far.
    var printed: String { (try? String(contentsOf: output, encoding: .utf8)) ?? "" }

    /// The enricher's exit summary, "enricher: consumed: N, stored: N, skipped: N, dead-lettered: N".
    var summary: [String: Int]? {
        guard let line = printed.split(separator: "\n").last(where: { $0.hasPrefix("enricher: consumed") }) else {
            return nil
        }
        var counts: [String: Int] = [:]
        for part in line.dropFirst("enricher: ".count).split(separator: ", ") {
            let pair = part.split(separator: ": ")
            if pair.count == 2, let value = Int(pair[1]) { counts[String(pair[0])] = value }
        }
        return counts
    }

    /// The executables sit next to the test bundle in the build folder.
    private static func executable(_ name: String) throws -> URL {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let candidates = [
            testBinary.deletingLastPathComponent().appendingPathComponent(name),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent(".build/debug/\(name)"),
        ]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: candidates[0].path])
        }
        return found
    }
}
