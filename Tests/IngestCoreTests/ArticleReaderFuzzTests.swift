import ArticleCodec
import ArticleModel
import Foundation
import IngestCore
import SeededRandom
import Testing

/// Seeded random input for the ingest readers: 100,000 JSON Lines and text inputs, hostile on purpose. Nothing
/// traps, every input comes back as an article or a typed problem, and every article the reader accepts is one
/// the codec encodes and decodes unchanged, so nothing accepted here can fail later for its fields.
@Suite("ArticleReader fuzzing")
struct ArticleReaderFuzzTests {
    private static let jsonLines = 99_000
    private static let textFiles = 1_000
    private static let maxArticleBytes = 4_096

    /// Pieces hostile inputs are made of: control characters, lone surrogates as JSON escapes, bidi marks, huge
    /// values, wrong types, mixed scripts.
    private static let fragments = [
        #"\u0000"#, #"\u0007"#, #"\n"#, #"\t"#, #"\ud800"#, #"\u202e"#, "عبد", "ولد", "Zürich", "۲۰۱۹", "🙂", #"\""#,
        "\\", "{", "}", ",", ":", "null", "17", "true", "[]", " ",
    ]
    private static let fields = ["id", "url", "source", "title", "body", "published_at", "extra"]

    private static func randomString(_ generator: inout SplitMix64) -> String {
        switch Int.random(in: 0..<10, using: &generator) {
        case 0: String(repeating: "x", count: Int.random(in: 200...5_000, using: &generator))
        case 1:
            ["2025-05-28", "2025-05-28T09:30:00Z", "yesterday", "0000-00-00", "2025-13-40"].randomElement(
                using: &generator)!
        default:
            (0..<Int.random(in: 0...12, using: &generator)).map { _ in fragments.randomElement(using: &generator)! }
                .joined()
        }
    }

    private static func randomLine(_ generator: inout SplitMix64) -> [UInt8] {
        switch Int.random(in: 0..<6, using: &generator) {
        case 0:
            // Raw bytes, newlines removed so the line stays one line.
            return generator.bytes(count: Int.random(in: 0...200, using: &generator)).map { $0 == 0x0A ? 0x20 : $0 }
        case 1:
            // A field of the wrong type.
            let field = fields.randomElement(using: &generator)!
            return Array(
                #"{"body": "نص", "\#(field)": \#(["17", "[]", "{}", "true", "null"].randomElement(using: &generator)!)}"#
                    .utf8)
        default:
            let members = fields.filter { _ in Bool.random(using: &generator) }.map { field in
                #""\#(field)": "\#(randomString(&generator))""#
            }
            return Array(("{" + members.joined(separator: ", ") + "}").utf8)
        }
    }

    @Test("100,000 hostile inputs: no trap, each an article or a typed problem, every article encodes")
    func hostileInputs() throws {
        var generator = SplitMix64(seed: 12)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("akhbar-fuzz-\(UUID())")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let lines = (0..<Self.jsonLines).map { _ in Self.randomLine(&generator) }
        try Data(lines.joined(separator: [0x0A])).write(to: root.appendingPathComponent("fuzz.jsonl"))
        for index in 0..<Self.textFiles {
            let bytes =
                index.isMultiple(of: 2)
                ? generator.bytes(count: Int.random(in: 0...6_000, using: &generator))
                : Array(Self.randomString(&generator).utf8)
            try Data(bytes).write(to: root.appendingPathComponent("t\(index).txt"))
        }

        let reader = ArticleReader(maxArticleBytes: Self.maxArticleBytes)
        let records = reader.expand(root.path).flatMap(reader.read)
        var problems: [String: Int] = [:]
        var accepted = 0
        for record in records {
            switch record.article {
            case .success(let article):
                accepted += 1
                #expect(article.fieldViolation() == nil)
                #expect(article.body.utf8.count <= Self.maxArticleBytes)
                let decoded = try ArticleCodec.decodeRawArticle(ArticleCodec.encode(article))
                #expect(decoded == article, "\(record.origin)")
            case .failure(let problem):
                // The case's name; a case without a payload has no child and is named by its description.
                problems[Mirror(reflecting: problem).children.first?.label ?? "\(problem)", default: 0] += 1
            }
        }
        // Blank lines are not inputs; every other line and file is accounted for.
        let blankLines = lines.filter { !$0.contains { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D } }.count
        #expect(records.count == Self.jsonLines - blankLines + Self.textFiles)
        print("reader fuzz: \(records.count) inputs, \(accepted) articles")
        for (problem, count) in problems.sorted(by: { $0.value > $1.value }) { print("  \(count)\t\(problem)") }
    }
}
