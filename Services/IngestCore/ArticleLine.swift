import Foundation

/// One line of a JSONL input, as users write it.
struct ArticleLine: Decodable {
    var id: String?
    var url: String?
    var source: String?
    var title: String?
    var body: String?
    var publishedAt: String?

    enum CodingKeys: String, CodingKey {
        case id, url, source, title, body
        case publishedAt = "published_at"
    }
}
