public import ArticleModel

/// Why an input could not become an article. Each one is reported in the ingest summary; no input
/// is dropped silently.
public enum InputProblem: Error, Sendable, Hashable, CustomStringConvertible {
    case unreadable(String)
    case notUTF8
    case empty
    case tooLarge(bytes: Int, limit: Int)
    case invalidJSON(String)
    case missingBody
    case invalidDate(String)
    case invalidField(ArticleFieldViolation)
    /// A file whose name says it holds no articles (`.json`, `.html`, `.md`, no extension…).
    case notAnArticleFile

    public var description: String {
        switch self {
        case .unreadable(let reason): "cannot be read: \(reason)"
        case .notUTF8: "is not valid UTF-8"
        case .empty: "has an empty body"
        case .tooLarge(let bytes, let limit): "is \(bytes) bytes, over the limit of \(limit) bytes"
        case .invalidJSON(let reason): "is not a valid JSON article: \(reason)"
        case .missingBody: "has no \"body\" field"
        case .invalidDate(let value):
            "has a published_at that is not an RFC 3339 date: \(ArticleFieldRules.quoted(value))"
        case .invalidField(let violation): "breaks a field rule: \(violation)"
        case .notAnArticleFile:
            "is not an article file: .txt holds one article, .jsonl one JSON article per line "
                + "(rename a .json file of one object per line to .jsonl)"
        }
    }
}
