import StorePort

/// Where the next page of a list starts in this backend: the sort key and id of the last item returned, carried to
/// callers as an opaque ``PageToken``.
enum PageCursor: Equatable {
    /// After a search result of this relevance (higher is better).
    case rank(Float, id: String)
    /// After an article with this sort key (``SortKey``), newest first.
    case published(Int64, id: String)
    /// After an entity mentioned in this many articles, most first.
    case articleCount(Int, id: String)

    var token: PageToken {
        switch self {
        case .rank(let rank, let id): PageToken(fields: ["r", String(rank.bitPattern), id])
        case .published(let key, let id): PageToken(fields: ["p", String(key), id])
        case .articleCount(let count, let id): PageToken(fields: ["c", String(count), id])
        }
    }

    init(_ token: PageToken) throws(StoreError) {
        let fields = try token.fields(count: 3)
        switch fields[0] {
        case "r":
            guard let bits = UInt32(fields[1]) else { throw token.invalid }
            self = .rank(Float(bitPattern: bits), id: fields[2])
        case "p":
            guard let key = Int64(fields[1]) else { throw token.invalid }
            self = .published(key, id: fields[2])
        case "c":
            guard let count = Int(fields[1]) else { throw token.invalid }
            self = .articleCount(count, id: fields[2])
        default: throw token.invalid
        }
    }
}
