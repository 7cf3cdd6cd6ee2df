import StorePort

/// The desk's pages over one store: each reads what it shows with a few indexed queries and renders it.
struct DeskPages: Sendable {
    let store: any ArticleStore

    /// Results per page of a list.
    static let pageSize = 20
    /// How far a search counts its matches before saying "more than": counting 10,000 matches of a common word
    /// took 40 ms on 100,000 articles, a thousand takes 5.
    static let countLimit = 1_000
}
