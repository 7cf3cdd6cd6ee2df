public import ArticleCodec
import ArticleModel
import Foundation
public import GRPCCore
public import ServiceContracts
public import StorePort
import SwiftProtobuf

/// `akhbar.v1.ArticleQuery` over gRPC: read-only calls on the enricher's store.
///
/// Requests are checked before any SQL runs: page sizes, query lengths and id lists are bounded,
/// and page tokens must be ones this store issued; a bad request fails with INVALID_ARGUMENT.
public struct ArticleQueryRPCService: Akhbar_V1_ArticleQuery.SimpleServiceProtocol {
    /// Results per page when the request leaves `page_size` at 0.
    static let defaultPageSize = 20
    /// The largest page a caller may ask for.
    static let maxPageSize = 200
    /// Bounds on request fields, so a single call cannot make the store do unbounded work.
    static let maxQueryCharacters = 1_000
    static let maxEntityIDs = 20

    private let store: any ArticleStore

    public init(store: any ArticleStore) {
        self.store = store
    }

    public func getArticle(request: Akhbar_V1_GetArticleRequest, context: ServerContext) async throws
        -> Akhbar_V1_GetArticleResponse
    {
        // No stored id is longer than the rule allows; refusing early keeps a huge id out of the answer too.
        guard request.articleID.utf8.count <= ArticleFieldRules.maxIDBytes else {
            throw RPCError(
                code: .invalidArgument,
                message: "article_id \(ArticleFieldRules.quoted(request.articleID)) is longer than "
                    + "\(ArticleFieldRules.maxIDBytes) bytes")
        }
        guard let article = try await run({ try await store.article(id: request.articleID) }) else {
            throw RPCError(
                code: .notFound, message: "no stored article has id \(ArticleFieldRules.quoted(request.articleID))")
        }
        do {
            return try .with { $0.article = try Akhbar_V1_EnrichedArticle(validating: article) }
        } catch {
            throw RPCError(
                code: .internalError, message: "stored article \(article.articleID) does not encode: \(error)")
        }
    }

    public func searchArticles(request: Akhbar_V1_SearchArticlesRequest, context: ServerContext) async throws
        -> Akhbar_V1_SearchArticlesResponse
    {
        guard request.query.count <= Self.maxQueryCharacters else {
            throw RPCError(code: .invalidArgument, message: "query has more than \(Self.maxQueryCharacters) characters")
        }
        guard request.entityIds.count <= Self.maxEntityIDs else {
            throw RPCError(code: .invalidArgument, message: "more than \(Self.maxEntityIDs) entity_ids")
        }
        let search = ArticleSearch(
            text: request.query, entityIDs: request.entityIds, entityType: try Self.type(request.entityType),
            publishedFrom: request.hasPublishedAfter ? request.publishedAfter.date : nil,
            publishedBefore: request.hasPublishedBefore ? request.publishedBefore.date : nil,
            source: request.source.isEmpty ? nil : request.source, order: try Self.order(request.order))
        let (cursor, size) = try Self.paging(request.pageToken, request.pageSize)
        let page = try await run {
            try await store.searchArticles(search, after: cursor, limit: size)
        }
        return .with {
            $0.articles = page.items.map(Akhbar_V1_ArticleSummary.init)
            $0.nextPageToken = page.next?.value ?? ""
        }
    }

    public func listEntities(request: Akhbar_V1_ListEntitiesRequest, context: ServerContext) async throws
        -> Akhbar_V1_ListEntitiesResponse
    {
        guard request.namePrefix.count <= Self.maxQueryCharacters else {
            throw RPCError(
                code: .invalidArgument, message: "name_prefix has more than \(Self.maxQueryCharacters) characters")
        }
        let type = try Self.type(request.type)
        let (cursor, size) = try Self.paging(request.pageToken, request.pageSize)
        let page = try await run {
            try await store.entities(type: type, prefix: request.namePrefix, after: cursor, limit: size)
        }
        return .with {
            $0.entities = page.items.map(Akhbar_V1_EntitySummary.init)
            $0.nextPageToken = page.next?.value ?? ""
        }
    }

    public func findEntities(request: Akhbar_V1_FindEntitiesRequest, context: ServerContext) async throws
        -> Akhbar_V1_FindEntitiesResponse
    {
        guard request.name.count <= Self.maxQueryCharacters else {
            throw RPCError(code: .invalidArgument, message: "name has more than \(Self.maxQueryCharacters) characters")
        }
        guard SearchKeys.lookup(request.name) != nil else {
            throw RPCError(code: .invalidArgument, message: "name has no letter or digit")
        }
        let type = try Self.type(request.type)
        let (_, limit) = try Self.paging("", request.pageSize)
        let found = try await run { try await store.entities(named: request.name, type: type, limit: limit) }
        return .with { $0.entities = found.map(Akhbar_V1_EntitySummary.init) }
    }

    public func entityArticles(request: Akhbar_V1_EntityArticlesRequest, context: ServerContext) async throws
        -> Akhbar_V1_EntityArticlesResponse
    {
        let entity = try await entity(request.entityID)
        let (cursor, size) = try Self.paging(request.pageToken, request.pageSize)
        let page = try await run {
            try await store.articles(mentioning: request.entityID, after: cursor, limit: size)
        }
        return .with {
            $0.entity = Akhbar_V1_EntitySummary(entity)
            $0.articles = page.items.map(Akhbar_V1_ArticleSummary.init)
            $0.nextPageToken = page.next?.value ?? ""
        }
    }

    public func coOccurrences(request: Akhbar_V1_CoOccurrencesRequest, context: ServerContext) async throws
        -> Akhbar_V1_CoOccurrencesResponse
    {
        let entity = try await entity(request.entityID)
        let type = try Self.type(request.type)
        let (_, limit) = try Self.paging("", request.limit)
        let together = try await run {
            try await store.coOccurrences(of: request.entityID, type: type, limit: limit)
        }
        return .with {
            $0.entity = Akhbar_V1_EntitySummary(entity)
            $0.coOccurrences = together.map { found in
                .with {
                    $0.entity = Akhbar_V1_EntitySummary(found.entity)
                    $0.sharedArticleCount = UInt64(found.sharedArticles)
                }
            }
        }
    }

    public func stats(request: Akhbar_V1_StatsRequest, context: ServerContext) async throws -> Akhbar_V1_StatsResponse {
        Akhbar_V1_StatsResponse(try await run { try await store.stats() })
    }

    /// The entity, or NOT_FOUND when no stored article mentions it.
    private func entity(_ id: String) async throws -> EntitySummary {
        guard let entity = try await run({ try await store.entity(id: id) }) else {
            throw RPCError(
                code: .notFound, message: "no stored article mentions entity \(ArticleFieldRules.quoted(id))")
        }
        return entity
    }

    /// Runs a store call, turning its errors into gRPC statuses a client can act on.
    private func run<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as StoreError {
            switch error.code {
            case .invalidCursor: throw RPCError(code: .invalidArgument, message: error.message)
            case .locked, .unavailable: throw RPCError(code: .unavailable, message: error.description)
            default: throw RPCError(code: .internalError, message: error.description)
            }
        }
    }

    /// The page token and page size a request asks for; the store checks the token.
    private static func paging(_ token: String, _ size: Int32) throws(RPCError) -> (PageToken?, Int) {
        guard size >= 0 else { throw RPCError(code: .invalidArgument, message: "page_size must not be negative") }
        return (token.isEmpty ? nil : PageToken(token), size == 0 ? defaultPageSize : min(Int(size), maxPageSize))
    }

    private static func order(_ order: Akhbar_V1_SearchOrder) throws(RPCError) -> ArticleSearch.Order {
        switch order {
        case .unspecified, .newest: return .newest
        case .relevance: return .relevance
        case .UNRECOGNIZED(let value): throw RPCError(code: .invalidArgument, message: "unknown search order \(value)")
        }
    }

    /// A type filter: nil for ENTITY_TYPE_UNSPECIFIED; a value newer than this build is refused, not ignored.
    private static func type(_ type: Akhbar_V1_EntityType) throws(RPCError) -> EntityType? {
        if case .UNRECOGNIZED(let value) = type {
            throw RPCError(code: .invalidArgument, message: "unknown entity type \(value)")
        }
        return EntityType(type)
    }
}
