import ArticleModel
import FixtureFiles
import Foundation
import SQLiteStore
import StorePort
import StoreTestSupport
import Testing

/// What the enricher's commands print, run as real processes: no broker needed.
@Suite("Command output")
struct CommandOutputTests {
    @Test("tag --json prints identical bytes in two runs: keys in a fixed order, whatever the hash seed")
    func tagJSONIsStable() async throws {
        let seeds = try FixtureFiles.seedFiles().map(\.path)
        var outputs: [String] = []
        for _ in 0..<2 {
            let run = try ServiceProcess("akhbar-enricher", ["tag", "--json"] + seeds)
            #expect(await run.waitForExit(timeout: .seconds(120)) == 0)
            outputs.append(run.printed)
        }
        #expect(outputs[0] == outputs[1])
        let first = try #require(outputs[0].split(separator: "\n").first)
        #expect(first.hasPrefix("{\"entities\":[{\"canonical\":"))
    }

    @Test("export writes every stored article once as RFC 4180 CSV: quotes, commas and line breaks survive")
    func exportCSV() async throws {
        try await withTemporarySQLitePath { path in
            let store = try SQLiteArticleStore(path: path)
            let tricky = "عنوان، \"مقتبس\", وفاصلة"
            let articles = (0..<450).map { index in
                EnrichedArticle(
                    articleID: "a\(index)", source: "مصدر",
                    publishedAt: Date(timeIntervalSince1970: Double(index) * 3600),
                    title: index == 7 ? tricky : "خبر \(index)", body: "سطر أول\nسطر ثان، \"مقتبس\"",
                    entities: [], enrichmentVersion: "v1", enrichedAt: Date(timeIntervalSince1970: 0))
            }
            try await store.save(articles.map(IndexedArticle.init))
            let run = try ServiceProcess("akhbar-enricher", ["export", "--db", path, "--body"])
            #expect(await run.waitForExit(timeout: .seconds(60)) == 0)
            let records = Self.csvRecords(run.printed)
            #expect(
                records.first == [
                    "id", "published_at", "source", "url", "title", "entities", "enrichment_version", "body",
                ])
            let rows = records.dropFirst()
            // Pages of 200: all 450, each once, newest first.
            #expect(rows.map { $0[0] } == (0..<450).reversed().map { "a\($0)" })
            #expect(rows.first { $0[0] == "a7" }?[4] == tricky)
            #expect(rows.allSatisfy { $0.count == 8 && $0[7] == "سطر أول\nسطر ثان، \"مقتبس\"" })
        }
    }

    @Test("query search --from takes a bare day as the ingest does, and names the forms it takes otherwise")
    func oneDateParser() async throws {
        try await withTemporarySQLitePath { path in
            let store = try SQLiteArticleStore(path: path)
            let article = { (id: String, day: Double) in
                EnrichedArticle(
                    articleID: id, publishedAt: Date(timeIntervalSince1970: day * 86_400), title: "خبر", body: "نص",
                    entities: [], enrichmentVersion: "v1", enrichedAt: Date(timeIntervalSince1970: 0))
            }
            // 2024-12-31 and 2025-01-01, midnight UTC.
            try await store.save([article("old", 20_088), article("new", 20_089)].map(IndexedArticle.init))
            let accepted = try ServiceProcess(
                "akhbar-enricher", ["query", "search", "--db", path, "--json", "--from", "2025-01-01"])
            #expect(await accepted.waitForExit(timeout: .seconds(60)) == 0, "\(accepted.printed)")
            #expect(accepted.printed.contains("\"new\"") && !accepted.printed.contains("\"old\""))
            let refused = try ServiceProcess(
                "akhbar-enricher", ["query", "search", "--db", path, "--from", "01/01/2025"])
            #expect(await refused.waitForExit(timeout: .seconds(60)) != 0)
            #expect(refused.printed.contains("give a day such as 2025-05-28"), "\(refused.printed)")
        }
    }

    /// The records of RFC 4180 CSV text.
    private static func csvRecords(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var characters = text.makeIterator()
        while let character = characters.next() {
            if quoted {
                if character == "\"" {
                    if let next = characters.next() {
                        if next == "\"" {
                            field.append("\"")
                        } else {
                            quoted = false
                            if next == "," { record.append(field); field = "" }
                            if next == "\n" { record.append(field); records.append(record); (record, field) = ([], "") }
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                record.append(field); field = ""
            } else if character == "\n" {
                record.append(field); records.append(record); (record, field) = ([], "")
            } else {
                field.append(character)
            }
        }
        return records
    }
}
