import Foundation
import Testing

/// The scraped seed articles in Fixtures/seeds.
enum Fixtures {
    static let seedDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("../../Fixtures/seeds", isDirectory: true)
        .standardized

    /// The seed whose file name starts with `prefix` ("000" … "004").
    static func seed(_ prefix: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: seedDirectory.path)
        let name = try #require(names.first { $0.hasPrefix(prefix) }, "no seed \(prefix)")
        return try String(contentsOf: seedDirectory.appendingPathComponent(name), encoding: .utf8)
    }

    /// 2025-05-28 12:00 UTC, the day seed 001 was published.
    static let publishedAt = Date(timeIntervalSince1970: 1_748_433_600)
}
