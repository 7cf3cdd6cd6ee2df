import StorePort

/// Where the next page of a list starts: the sort key and id of the last item already returned, carried to
/// callers as an opaque ``PageToken``.
///
/// Keyset paging rather than offsets, so that a page costs the same however deep it is and rows written between two
/// calls neither repeat nor vanish.
enum PageCursor: Equatable {
    /// After a search result of this full-text rank (lower is better).
    case rank(Double, id: String)
    /// After the text search result with this row of the full-text index (newest first).
    case searchRow(Int64)
    /// After an article published at this time key ('' for unknown), newest first.
    case published(String, id: String)
    /// After an entity mentioned in this many articles, most first.
    case articleCount(Int, id: String)

    var token: PageToken {
        switch self {
        case .rank(let rank, let id): PageToken(fields: ["r", String(rank.bitPattern), id])
        case .searchRow(let rowid): PageToken(fields: ["s", String(rowid), ""])
        case .published(let key, let id): PageToken(fields: ["p", key, id])
        case .articleCount(let count, let id): PageToken(fields: ["c", String(count), id])
        }
    }

    /// Reads a ``token``.
    init(_ token: PageToken) throws(StoreError) {
        let fields = try token.fields(count: 3)
        switch fields[0] {
        case "r":
            guard let bits = UInt64(fields[1]) else { throw token.invalid }
            self = .rank(Double(bitPattern: bits), id: fields[2])
        case "s":
            guard let rowid = Int64(fields[1]) else { throw token.invalid }
            self = .searchRow(rowid)
        case "p": self = .published(fields[1], id: fields[2])
        case "c":
            guard let count = Int(fields[1]) else { throw token.invalid }
            self = .articleCount(count, id: fields[2])
        default: throw token.invalid
        }
    }
}
