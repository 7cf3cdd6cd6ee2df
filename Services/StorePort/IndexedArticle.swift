public import ArticleModel

/// An enriched article with the keys every backend indexes it under, computed once by the enricher so that a store
/// only persists and queries.
public struct IndexedArticle: Sendable, Equatable {
    public let article: EnrichedArticle
    /// The space-separated full-text terms of the title and body (``SearchKeys/indexed(_:)``).
    public let searchTerms: String
    /// The article's entities in tagging order, with their keys.
    public let entities: [IndexedEntity]

    /// Indexes the article under ``SearchKeys/indexed(_:)`` of its title and body.
    public init(_ article: EnrichedArticle) {
        self.init(article, searchTerms: SearchKeys.indexed(article.title + "\n" + article.body))
    }

    /// Indexes the article under terms the caller collected from its own analysis of the title and body.
    public init(_ article: EnrichedArticle, searchTerms: String) {
        self.article = article
        self.searchTerms = searchTerms
        entities = article.entities.map(IndexedEntity.init)
    }

    /// The entities with people named by one word linked to the full-named person their alias names, when `known`
    /// has one; entities that end up with one id are merged, their mentions in text order.
    ///
    /// Articles stored before the full name was first seen keep their own id until a replay.
    /// - Parameter known: the full-named entity each alias key names, for the ``IndexedEntity/shortNameKey``s of
    ///   this article (a key that names several people is absent).
    package func linkingShortNames(to known: [String: KnownEntity]) -> [IndexedEntity] {
        var linked: [IndexedEntity] = []
        for var indexed in entities {
            if let key = indexed.shortNameKey, let full = known[key], full.id != indexed.entity.id {
                indexed.entity.id = full.id
                indexed.entity.canonical = full.canonical
                indexed.canonicalKey = full.canonicalKey
            }
            if let index = linked.firstIndex(where: { $0.entity.id == indexed.entity.id }) {
                linked[index].entity.mentions = (linked[index].entity.mentions + indexed.entity.mentions)
                    .sorted { $0.start < $1.start }
            } else {
                linked.append(indexed)
            }
        }
        return linked
    }

    /// The short-name keys the store must resolve before ``linkingShortNames(to:)``.
    package var shortNameKeys: Set<String> { Set(entities.compactMap(\.shortNameKey)) }
}

/// An entity of an article with the keys it is listed and linked under.
///
/// The alias table gives a person one entity id across articles: an article that names someone in full
/// (عبد اللطيف حموشي) teaches the store every way it wrote him (حموشي, الحموشي), and a later article that only
/// writes a short form gets the full entity's id and canonical form, provided the alias names one person only.
public struct IndexedEntity: Sendable, Equatable {
    public var entity: Entity
    /// The matching key of the canonical form, for prefix lookups.
    public var canonicalKey: String
    /// For a person named in full: the alias keys of its canonical form and every mention; empty otherwise.
    public let aliasKeys: [String]
    /// For a person named by one word: the alias key under which a full name may be known.
    public let shortNameKey: String?

    public init(_ entity: Entity) {
        self.entity = entity
        canonicalKey = SearchKeys.name(entity.canonical)
        let words = entity.canonical.split(whereSeparator: \.isWhitespace).count
        let isPerson = entity.type == .person
        aliasKeys =
            isPerson && words >= 2
            ? Array(Set(([entity.canonical] + entity.mentions.map(\.text)).map(SearchKeys.alias))).filter {
                !$0.isEmpty
            }
            .sorted()
            : []
        shortNameKey = isPerson && words == 1 ? SearchKeys.alias(entity.canonical) : nil
    }
}

/// An entity the store already holds, as alias linking needs it.
package struct KnownEntity: Sendable, Equatable {
    package let id: String
    package let canonical: String
    package let canonicalKey: String

    package init(id: String, canonical: String, canonicalKey: String) {
        self.id = id
        self.canonical = canonical
        self.canonicalKey = canonicalKey
    }
}
