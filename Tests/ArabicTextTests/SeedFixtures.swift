import Foundation
import Testing

/// The scraped seed articles in Fixtures/seeds, by file name.
enum SeedFixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("../../Fixtures/seeds", isDirectory: true)
        .standardized

    static func text(_ prefix: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        let name = try #require(names.first { $0.hasPrefix(prefix) }, "no seed \(prefix)")
        return try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }
}
