import ArabicText
import Foundation
import GRDB

/// The rowid of an article's row in the full-text index: its publication time in milliseconds,
/// shifted left to leave room for articles of the same millisecond (32,768 slots: a feed that gives
/// only the day puts a whole day's articles at midnight, and a probe over a crowded block of slots
/// grows with every article of that day).
///
/// The index itself is then in publication order, so a text search lists matches newest first by
/// walking it backwards and stops after one page, however many articles match. Undated articles
/// get negative rowids: they come last.
enum SearchRowID {
    /// Low bits spread articles of one millisecond apart.
    private static let spreadBits: Int64 = 15

    /// The lowest rowid of articles published at `date` or later.
    static func first(at date: Date) -> Int64 {
        milliseconds(date) << spreadBits
    }

    private static func milliseconds(_ date: Date) -> Int64 {
        // Clamped to the years 1970…9999 (under 2^48 ms), so the shift cannot overflow.
        Int64(min(max(date.timeIntervalSince1970, 0), 253_402_300_799) * 1_000)
    }

    /// A rowid for the article that no row of `table` holds yet.
    ///
    /// - Parameter table: `article_search`, or the table a migration fills; a fixed name, never input.
    static func free(forArticle id: String, publishedAt: Date?, in db: Database, table: String = "article_search")
        throws -> Int64
    {
        var hash = FNV1a()
        hash.combine(id.utf8)
        var rowid: Int64
        let step: Int64
        if let publishedAt {
            rowid = milliseconds(publishedAt) << spreadBits | Int64(hash.value % (1 << UInt64(spreadBits)))
            step = 1
        } else {
            rowid = -1 - Int64(hash.value % (1 << 40))
            step = -1
        }
        let taken = try db.cachedStatement(sql: "SELECT 1 FROM \(table) WHERE rowid = ?")
        while try Bool.fetchOne(taken, arguments: [rowid]) == true {
            rowid += step
        }
        return rowid
    }
}
