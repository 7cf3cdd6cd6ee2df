import Foundation

/// Where the next page of a list starts: the sort key and id of the last item already returned.
///
/// Keyset paging rather than offsets, so that a page costs the same however deep it is and rows
/// written between two calls neither repeat nor vanish. Callers pass it around as an opaque
/// ``token``.
public enum PageCursor: Sendable, Equatable {
    /// After a search result of this full-text rank (lower is better).
    case rank(Double, id: String)
    /// After the text search result with this row of the full-text index (newest first).
    case searchRow(Int64)
    /// After an article published at this time key ('' for unknown), newest first.
    case published(String, id: String)
    /// After an entity mentioned in this many articles, most first.
    case articleCount(Int, id: String)

    /// The cursor as an opaque, URL-safe string.
    public var token: String {
        let fields: [String] =
            switch self {
            case .rank(let rank, let id): ["r", String(rank.bitPattern), id]
            case .searchRow(let rowid): ["s", String(rowid), ""]
            case .published(let key, let id): ["p", key, id]
            case .articleCount(let count, let id): ["c", String(count), id]
            }
        return Data(fields.joined(separator: Self.separator).utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Reads a ``token``.
    ///
    /// - Throws: `StoreError` with code `.invalidCursor` when the token was not made by ``token``.
    public init(token: String) throws(StoreError) {
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        let fields = Data(base64Encoded: base64).flatMap { String(data: $0, encoding: .utf8) }?
            .components(separatedBy: Self.separator)
        guard let fields, fields.count == 3 else { throw Self.invalid(token) }
        switch fields[0] {
        case "r":
            guard let bits = UInt64(fields[1]) else { throw Self.invalid(token) }
            self = .rank(Double(bitPattern: bits), id: fields[2])
        case "s":
            guard let rowid = Int64(fields[1]) else { throw Self.invalid(token) }
            self = .searchRow(rowid)
        case "p": self = .published(fields[1], id: fields[2])
        case "c":
            guard let count = Int(fields[1]) else { throw Self.invalid(token) }
            self = .articleCount(count, id: fields[2])
        default: throw Self.invalid(token)
        }
    }

    /// Unit separator: cannot occur in an id or a time key.
    private static let separator = "\u{1F}"

    private static func invalid(_ token: String) -> StoreError {
        StoreError(.invalidCursor, "page token \(token.prefix(40).debugDescription) was not issued by this store")
    }
}
