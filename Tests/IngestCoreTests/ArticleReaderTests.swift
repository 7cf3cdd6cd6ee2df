import ArticleModel
import Foundation
import IngestCore
import Testing

@Suite("ArticleReader")
struct ArticleReaderTests {
    private let fixedNow = Date(timeIntervalSince1970: 1_800_000_000)

    private func reader(maxArticleBytes: Int = 1 << 20) -> ArticleReader {
        let now = fixedNow
        return ArticleReader(maxArticleBytes: maxArticleBytes, now: { now })
    }

    /// A fresh temporary directory holding `files`, removed after `body`.
    private func withDirectory(_ files: [String: [UInt8]], _ body: (URL) throws -> Void) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("akhbar-reader-\(UUID())")
        defer { try? FileManager.default.removeItem(at: root) }
        for (name, bytes) in files {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        try body(root)
    }

    @Test("a text file is one article whose body is the whole file")
    func textFile() throws {
        let text = "زار عبد اللطيف حموشي فيينا.\n"
        try withDirectory(["a.txt": Array(text.utf8)]) { root in
            let records = reader().read(root.appendingPathComponent("a.txt").path)
            let article = try #require(try records.first?.article.get())
            #expect(records.count == 1)
            #expect(article.body == text)
            #expect(article.ingestedAt == fixedNow)
            #expect(article.id.count == 16)
        }
    }

    @Test("JSON Lines: optional fields, explicit and derived ids, and each bad line reported with its line number")
    func jsonLines() throws {
        let lines = [
            #"{"id": "given", "url": "https://a.example/1", "source": "hespress", "title": "ت", "body": "نص", "published_at": "2025-05-28T09:30:00Z"}"#,
            #"{"url": "https://a.example/2", "body": "نص آخر"}"#,
            "",
            #"{"title": "no body"}"#,
            #"{"body": "   "}"#,
            "not json",
            #"{"body": "x", "published_at": "yesterday"}"#,
            #"{"body": "y", "published_at": "2025-05-28"}"#,
        ]
        try withDirectory(["in.jsonl": Array(lines.joined(separator: "\n").utf8)]) { root in
            let records = reader().read(root.appendingPathComponent("in.jsonl").path)
            #expect(records.map(\.origin.line) == [1, 2, 4, 5, 6, 7, 8])
            let first = try records[0].article.get()
            #expect(first.id == "given")
            #expect(first.source == "hespress")
            #expect(first.publishedAt == Date(timeIntervalSince1970: 1_748_424_600))
            #expect(try records[1].article.get().id.count == 16)
            #expect(records[2].article.failure == .missingBody)
            #expect(records[3].article.failure == .empty)
            guard case .invalidJSON = records[4].article.failure else {
                Issue.record("line 6 should be invalid JSON")
                return
            }
            #expect(records[5].article.failure == .invalidDate("yesterday"))
            #expect(try records[6].article.get().publishedAt == Date(timeIntervalSince1970: 1_748_390_400))
        }
    }

    @Test("invalid UTF-8, empty and oversized files are reported, not dropped")
    func badFiles() throws {
        let files: [String: [UInt8]] = [
            "bad.txt": [0x41, 0xFF, 0xFE, 0x42],
            "empty.txt": Array(" \n\t".utf8),
            "big.txt": Array(repeating: 0x41, count: 2048),
        ]
        try withDirectory(files) { root in
            let small = reader(maxArticleBytes: 1024)
            #expect(small.read(root.appendingPathComponent("bad.txt").path)[0].article.failure == .notUTF8)
            #expect(small.read(root.appendingPathComponent("empty.txt").path)[0].article.failure == .empty)
            #expect(
                small.read(root.appendingPathComponent("big.txt").path)[0].article.failure
                    == .tooLarge(bytes: 2048, limit: 1024)
            )
            guard case .unreadable = small.read(root.appendingPathComponent("missing.txt").path)[0].article.failure
            else {
                Issue.record("a missing file should be unreadable")
                return
            }
        }
    }

    @Test("a directory expands recursively to its .txt and .jsonl files in name order")
    func directories() throws {
        let files: [String: [UInt8]] = [
            "b.txt": [0x61], "sub/a.jsonl": [0x7B, 0x7D], "notes.md": [0x61], "sub/c.txt": [0x62],
        ]
        try withDirectory(files) { root in
            let expanded = reader().expand(root.path).map { String($0.dropFirst(root.path.count)) }
            #expect(expanded == ["/b.txt", "/sub/a.jsonl", "/sub/c.txt"])
            #expect(reader().expand("-") == ["-"])
        }
    }

    @Test("the same text read twice gets the same id, and whitespace or diacritics do not change it")
    func stableIDs() {
        let plain = ArticleIdentity.id(explicit: nil, url: nil, body: "زار حموشي فيينا")
        #expect(ArticleIdentity.id(explicit: nil, url: nil, body: "زار حموشي فيينا") == plain)
        #expect(ArticleIdentity.id(explicit: nil, url: nil, body: "  زارَ   حموشي\nفيينا ") == plain)
        #expect(ArticleIdentity.id(explicit: nil, url: nil, body: "زار حموشي موسكو") != plain)
        #expect(ArticleIdentity.id(explicit: " x1 ", url: "https://u", body: "b") == "x1")
        #expect(
            ArticleIdentity.id(explicit: nil, url: "https://u", body: "b")
                == ArticleIdentity.id(explicit: nil, url: "https://u", body: "c")
        )
    }

    @Test("stdin's format is sniffed from its first visible byte")
    func sniffing() {
        #expect(InputFormat.sniff(Array("  \n{\"body\":1}".utf8)) == .jsonLines)
        #expect(InputFormat.sniff(Array("نص".utf8)) == .text)
    }
}

extension Result {
    fileprivate var failure: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}
