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

    @Test("a text page is published on the day it gives for itself, and on no day when it gives none")
    func textPageDate() throws {
        let body = "افتتحت البلدية صباح اليوم مكتبة جديدة في وسط المدينة تضم آلاف الكتب وقاعة للمطالعة للتلاميذ.\n"
        let files = [
            "dated.txt": Array(("مكتبة جديدة\nIMG-20240612-WA0031\n" + body).utf8),
            "labelled.txt": Array(("تاريخ النشر: 3 شتنبر 2023\n" + body).utf8),
            "undated.txt": Array(body.utf8),
        ]
        try withDirectory(files) { root in
            let published = try ["dated.txt", "labelled.txt", "undated.txt"].map { name in
                try reader().read(root.appendingPathComponent(name).path).first?.article.get().publishedAt
            }
            // 2024-06-12 and 2023-09-03 at midnight UTC, as a bare `published_at` day is.
            #expect(
                published == [
                    Date(timeIntervalSince1970: 1_718_150_400), Date(timeIntervalSince1970: 1_693_699_200), nil,
                ])
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

    @Test("ids with a NUL or other control character, or too long, are refused, not cut: no two articles become one")
    func idRules() throws {
        let long = String(repeating: "م", count: ArticleFieldRules.maxIDBytes)
        let lines = [
            #"{"id": "nul\u0000one", "body": "نص أول"}"#,
            #"{"id": "nul\u0000two", "body": "نص ثان"}"#,
            #"{"id": "tab\there", "body": "نص"}"#,
            #"{"id": "\#(long)", "body": "نص"}"#,
            #"{"id": "ok-1", "title": "سطر\nثان", "url": "https://a.example/\u0007", "body": "نص"}"#,
            #"{"id": "ok-2", "source": "\#(String(repeating: "s", count: 300))", "body": "نص"}"#,
            #"{"id": "ok-3", "title": "عنوان\nمن سطرين", "body": "نص فيه \u0000 حرف"}"#,
            #"{"id": "ok-4", "title": "عنوان\nمن سطرين", "body": "نص"}"#,
        ]
        try withDirectory(["ids.jsonl": Array(lines.joined(separator: "\n").utf8)]) { root in
            let records = reader().read(root.appendingPathComponent("ids.jsonl").path)
            let failures = records.map { $0.article.failure }
            #expect(failures[0] == .invalidField(.init(field: .id, problem: .controlCharacter("\0"))))
            #expect(failures[1] == .invalidField(.init(field: .id, problem: .controlCharacter("\0"))))
            #expect(failures[2] == .invalidField(.init(field: .id, problem: .controlCharacter("\t"))))
            #expect(failures[3] == .invalidField(.init(field: .id, problem: .tooLong(bytes: 512, limit: 256))))
            #expect(failures[4] == .invalidField(.init(field: .url, problem: .controlCharacter("\u{07}"))))
            #expect(failures[5] == .invalidField(.init(field: .source, problem: .tooLong(bytes: 300, limit: 256))))
            #expect(failures[6] == .invalidField(.init(field: .body, problem: .controlCharacter("\0"))))
            let titled = try records[7].article.get()
            #expect(titled.title == "عنوان\nمن سطرين")
            #expect(failures[0]?.description == "breaks a field rule: id contains the control character \\0")
        }
    }

    @Test("a JSON value of the wrong type is reported with the field's name")
    func typeErrorNamesTheField() throws {
        try withDirectory(["t.jsonl": Array(#"{"body": "نص", "published_at": 20250528}"#.utf8)]) { root in
            let failure = reader().read(root.appendingPathComponent("t.jsonl").path)[0].article.failure
            guard case .invalidJSON(let reason) = failure else {
                Issue.record("expected invalid JSON, got \(String(describing: failure))")
                return
            }
            #expect(reason.hasPrefix("published_at: "), "\(reason)")
        }
    }

    @Test("a directory expands recursively to its files in name order; other files than .txt and .jsonl are reported")
    func directories() throws {
        let files: [String: [UInt8]] = [
            "b.txt": [0x61], "sub/a.jsonl": [0x7B, 0x7D], "notes.md": [0x61], "sub/c.txt": [0x62], ".hidden": [0x61],
            "page.json": Array(#"{"body": "نص"}"#.utf8),
        ]
        try withDirectory(files) { root in
            let expanded = reader().expand(root.path).map { String($0.dropFirst(root.path.count)) }
            #expect(expanded == ["/b.txt", "/notes.md", "/page.json", "/sub/a.jsonl", "/sub/c.txt"])
            #expect(reader().expand("-") == ["-"])
            // Named or found, a file that holds no articles is a reported problem, not an article of raw JSON.
            for name in ["notes.md", "page.json"] {
                let records = reader().read(root.appendingPathComponent(name).path)
                #expect(records.count == 1 && records[0].article.failure == .notAnArticleFile)
            }
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
