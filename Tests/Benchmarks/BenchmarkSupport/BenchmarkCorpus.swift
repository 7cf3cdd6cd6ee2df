public import Foundation
import SeededRandom

/// Scraped pages for the benchmark, built from the seed pages: each page keeps a seed's header
/// and footer lines around body paragraphs drawn from all seeds, so the cleaner, normalizer and
/// tokenizer see real article text and real page furniture in realistic proportions.
public struct BenchmarkCorpus: Sendable {
    /// Separates pages in the corpus file (a form feed on its own line), for other tools to split.
    public static let pageSeparator = "\n\u{0C}\n"

    public let pages: [String]

    /// Pages until their UTF-8 size reaches `bytes`.
    public init(seeds: [String], bytes: Int) {
        let parts = seeds.map(Self.split)
        let paragraphs = parts.flatMap(\.body)
        var random = SplitMix64(seed: 2025)
        var pages: [String] = []
        var total = 0
        while total < bytes {
            let shape = parts[Int(random.next() % UInt64(parts.count))]
            let count = 3 + Int(random.next() % 8)
            let body = (0..<count).map { _ in paragraphs[Int(random.next() % UInt64(paragraphs.count))] }
            let page = (shape.header + body + shape.footer).joined(separator: "\n\n")
            total += page.utf8.count
            pages.append(page)
        }
        self.pages = pages
    }

    public var byteCount: Int { pages.reduce(0) { $0 + $1.utf8.count } }

    /// Writes the pages, separated by ``pageSeparator``, for the Python side of the benchmark.
    public func write(to url: URL) throws {
        try pages.joined(separator: Self.pageSeparator).write(to: url, atomically: true, encoding: .utf8)
    }

    /// A seed split into the lines before its first long paragraph, its long paragraphs, and
    /// the lines after the last one.
    private static func split(_ seed: String) -> (header: [String], body: [String], footer: [String]) {
        let lines = seed.split(separator: "\n").map(String.init).filter { !$0.allSatisfy(\.isWhitespace) }
        let isParagraph = lines.map { $0.split(separator: " ").count >= 20 }
        guard let first = isParagraph.firstIndex(of: true), let last = isParagraph.lastIndex(of: true) else {
            return (lines, [], [])
        }
        return (
            Array(lines[..<first]), lines[first...last].filter { $0.split(separator: " ").count >= 20 },
            Array(lines[(last + 1)...])
        )
    }
}
