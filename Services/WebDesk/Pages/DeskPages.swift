import StorePort

/// The desk's pages over one store: each reads what it shows with a few indexed queries and renders it.
struct DeskPages: Sendable {
    let store: any ArticleStore

    /// Results per page of a list.
    static let pageSize = 20
    /// How far a search counts its matches before saying "more than".
    static let countLimit = 10_000
}
