public import ArticleCodec
import ArticleModel
public import Foundation
public import GRPCCore
import Kafka
public import ServiceContracts
import SwiftProtobuf

/// `akhbar.v1.IngestService` over gRPC: articles from any language, published like file ingestion
/// publishes them and acknowledged only once the broker has acknowledged them.
public struct IngestRPCService: Akhbar_V1_IngestService.SimpleServiceProtocol {
    /// The most results that did not publish a summary lists; its counts cover every article.
    static let maxListedProblems = 100

    private let publisher: ArticlePublisher
    private let maxBodyBytes: Int
    private let now: @Sendable () -> Date

    /// - Parameter maxBodyBytes: larger article bodies are rejected (the whole request has the server's own limit).
    public init(publisher: ArticlePublisher, maxBodyBytes: Int, now: @escaping @Sendable () -> Date = Date.init) {
        self.publisher = publisher
        self.maxBodyBytes = maxBodyBytes
        self.now = now
    }

    /// Publishes the stream with many sends in flight; one bad article is reported and the rest go on.
    public func publish(
        request: RPCAsyncSequence<Akhbar_V1_PublishRequest, any Error>, context: ServerContext
    ) async throws -> Akhbar_V1_PublishSummary {
        var summary = Akhbar_V1_PublishSummary()
        var problems = ProblemList(limit: Self.maxListedProblems)
        try await withThrowingTaskGroup(of: (Int, Akhbar_V1_PublishResult).self) { group in
            func account(_ indexed: (Int, Akhbar_V1_PublishResult)) {
                switch indexed.1.outcome {
                case .published: summary.published += 1
                case .rejected: summary.rejected += 1
                default: summary.failed += 1
                }
                if indexed.1.outcome != .published { problems.add(indexed.1, at: indexed.0) }
            }
            var index = 0
            var inFlight = 0
            for try await item in request {
                defer { index += 1 }
                summary.received += 1
                let article: RawArticle
                do throws(SubmissionError) {
                    article = try RawArticle(submitted: item, maxBodyBytes: maxBodyBytes, now: now())
                } catch {
                    account((index, Self.rejection(of: item, error)))
                    continue
                }
                if inFlight >= publisher.maxInFlight, let done = try await group.next() {
                    inFlight -= 1
                    account(done)
                }
                inFlight += 1
                group.addTask { [index] in (index, await publish(article, reference: item.clientReference)) }
            }
            for try await done in group { account(done) }
        }
        summary.problems = problems.inStreamOrder
        return summary
    }

    /// Publishes one article. An invalid one, or one too large for the topic, fails the call with
    /// INVALID_ARGUMENT; one the broker did not acknowledge with UNAVAILABLE, which is safe to retry because the id
    /// is stable.
    public func publishOne(request: Akhbar_V1_PublishRequest, context: ServerContext) async throws
        -> Akhbar_V1_PublishResult
    {
        let article: RawArticle
        do throws(SubmissionError) {
            article = try RawArticle(submitted: request, maxBodyBytes: maxBodyBytes, now: now())
        } catch {
            throw RPCError(code: .invalidArgument, message: error.description)
        }
        let result = await publish(article, reference: request.clientReference)
        switch result.outcome {
        case .published: return result
        case .rejected: throw RPCError(code: .invalidArgument, message: result.reason)
        default: throw RPCError(code: .unavailable, message: result.reason)
        }
    }

    private func publish(_ article: RawArticle, reference: String) async -> Akhbar_V1_PublishResult {
        var result = Akhbar_V1_PublishResult()
        result.articleID = article.id
        result.clientReference = reference
        switch await publisher.publish(article) {
        case .success(let report):
            result.outcome = .published
            result.partition = report.partition
            result.offset = report.offset
        case .failure(let error):
            // A permanent failure is the article's fault, so the client is told not to retry it.
            result.outcome = error.isPermanent ? .rejected : .failed
            result.reason = error.description
        }
        return result
    }

    private static func rejection(of request: Akhbar_V1_PublishRequest, _ error: SubmissionError)
        -> Akhbar_V1_PublishResult
    {
        .with {
            $0.articleID = request.article.id
            $0.outcome = .rejected
            $0.reason = error.description
            $0.clientReference = request.clientReference
        }
    }
}

/// The first `limit` problems of a stream by position, whatever order their sends finished in.
private struct ProblemList {
    let limit: Int
    private var entries: [(index: Int, result: Akhbar_V1_PublishResult)] = []

    init(limit: Int) { self.limit = limit }

    mutating func add(_ result: Akhbar_V1_PublishResult, at index: Int) {
        entries.append((index, result))
        // Trim now and then rather than on every add; memory stays bounded either way.
        if entries.count >= 2 * limit { trim() }
    }

    var inStreamOrder: [Akhbar_V1_PublishResult] {
        var copy = self
        copy.trim()
        return copy.entries.map(\.result)
    }

    private mutating func trim() {
        entries.sort { $0.index < $1.index }
        entries.removeLast(max(0, entries.count - limit))
    }
}
