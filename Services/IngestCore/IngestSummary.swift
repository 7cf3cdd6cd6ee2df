/// What an ingest run did with every input: published, failed (the broker did not acknowledge) or
/// skipped (the input was not a usable article), each failure and skip with its reason.
public struct IngestSummary: Sendable {
    public struct Failure: Sendable {
        public var origin: ArticleOrigin
        public var articleID: String?
        public var reason: String
    }

    public private(set) var published = 0
    public private(set) var failed: [Failure] = []
    public private(set) var skipped: [Failure] = []

    public init() {}

    /// True when every article that was read reached the broker and nothing was skipped.
    public var isClean: Bool { failed.isEmpty && skipped.isEmpty }

    mutating func recordPublished() { published += 1 }

    mutating func recordFailed(_ origin: ArticleOrigin, articleID: String, reason: String) {
        failed.append(Failure(origin: origin, articleID: articleID, reason: reason))
    }

    mutating func recordSkipped(_ origin: ArticleOrigin, problem: InputProblem) {
        skipped.append(Failure(origin: origin, articleID: nil, reason: problem.description))
    }

    /// The summary as lines for people: the counts, then each failure and skip.
    public var report: String {
        var lines = ["published: \(published), failed: \(failed.count), skipped: \(skipped.count)"]
        lines += failed.map { "failed  \($0.origin) (id \($0.articleID ?? "-")): \($0.reason)" }
        lines += skipped.map { "skipped \($0.origin): \($0.reason)" }
        return lines.joined(separator: "\n")
    }
}
