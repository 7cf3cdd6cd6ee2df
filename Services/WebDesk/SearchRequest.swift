import ArticleModel
import Foundation
import StorePort

/// A search as the desk's address carries it: `q`, `entity`, `type`, `source`, `from` and `to` (days, both
/// included), `order` and the page token `after`. The search page, its paging links and the exports read it alike.
struct SearchRequest: Equatable {
    var text = ""
    var entityID = ""
    var type: EntityType?
    var source = ""
    var from = ""
    var to = ""
    var relevance = false
    var after: PageToken?

    /// Why a search address could not be read; shown to the reader as it is.
    struct Problem: Error, Equatable, CustomStringConvertible {
        let description: String
    }

    init() {}

    init(_ parameters: [String: String]) throws(Problem) {
        text = parameters["q", default: ""].trimmingCharacters(in: .whitespacesAndNewlines)
        entityID = parameters["entity", default: ""]
        source = parameters["source", default: ""]
        from = parameters["from", default: ""]
        to = parameters["to", default: ""]
        if let type = parameters["type"], !type.isEmpty {
            guard let known = EntityType(rawValue: type) else {
                throw Problem(description: "نوع الكيان \"\(type)\" غير معروف")
            }
            self.type = known
        }
        switch parameters["order", default: "newest"] {
        case "newest", "": relevance = false
        case "relevance": relevance = true
        case let other: throw Problem(description: "الترتيب \"\(other)\" غير معروف: newest أو relevance")
        }
        if let after = parameters["after"], !after.isEmpty { self.after = PageToken(after) }
        _ = try search()
    }

    /// The store search; `to` includes its whole day.
    func search() throws(Problem) -> ArticleSearch {
        let end = try Self.day(to, field: "to").map { $0.addingTimeInterval(86_400) }
        return ArticleSearch(
            text: text, entityIDs: entityID.isEmpty ? [] : [entityID], entityType: type,
            publishedFrom: try Self.day(from, field: "from"), publishedBefore: end,
            source: source.isEmpty ? nil : source, order: relevance && !text.isEmpty ? .relevance : .newest)
    }

    /// The parameters of this search, without the page token: for links to other pages and exports of it.
    var parameters: [(String, String)] {
        [
            ("q", text), ("entity", entityID), ("type", type?.rawValue ?? ""), ("source", source), ("from", from),
            ("to", to), ("order", relevance ? "relevance" : ""),
        ]
    }

    private static func day(_ text: String, field: String) throws(Problem) -> Date? {
        guard !text.isEmpty else { return nil }
        guard let date = DateText.day(text) else {
            throw Problem(description: "\(field): \"\(text)\" ليس يومًا بصيغة YYYY-MM-DD")
        }
        return date
    }
}
