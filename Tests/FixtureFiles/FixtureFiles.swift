public import Foundation

/// The files under Fixtures/ that several test targets read: the scraped seed pages and their
/// hand-made gold.
public enum FixtureFiles {
    /// The repository's Fixtures/ folder, found from this source file.
    public static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("../../Fixtures", isDirectory: true)
        .standardized

    public static let seedDirectory = directory.appendingPathComponent("seeds", isDirectory: true)

    /// The seed pages' files, in name order ("000_…" … "004_…").
    public static func seedFiles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: seedDirectory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// The text of the seed whose file name starts with `prefix` ("000" … "004").
    public static func seed(_ prefix: String) throws -> String {
        try String(contentsOf: seedFile(prefix), encoding: .utf8)
    }

    /// The cleaning gold of the seed whose file name starts with `prefix`.
    public static func cleaningGold(_ prefix: String) throws -> String {
        let name = try seedFile(prefix).deletingPathExtension().lastPathComponent
        let url = directory.appendingPathComponent("gold/cleaning/\(name).tsv")
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// The hand-made entity gold of the seeds, as JSON Lines.
    public static func entityGold() throws -> String {
        try String(contentsOf: directory.appendingPathComponent("gold/entities/seeds.jsonl"), encoding: .utf8)
    }

    private static func seedFile(_ prefix: String) throws -> URL {
        guard let file = try seedFiles().first(where: { $0.lastPathComponent.hasPrefix(prefix) }) else {
            throw FixtureFileError(prefix: prefix)
        }
        return file
    }
}

/// No seed file has the asked-for prefix.
public struct FixtureFileError: Error, CustomStringConvertible {
    public let prefix: String
    public var description: String { "no seed file starts with \(prefix)" }
}
