import ArgumentParser
import ArticleModel
import StorePort

/// The words and filters of an article search, as `query search` and `export` take them.
struct SearchFilters: ParsableArguments {
    @Argument(help: "The words to find, such as الحموشي or فيينا.")
    var text = ""
    @Option(help: "Only articles with an entity of this type: \(EntityType.names).")
    var type: EntityTypeArgument?
    @Option(
        help: "Only articles published at or after this day (midnight UTC) or RFC 3339 time.",
        transform: TimeArgument.init(parsing:))
    var from: TimeArgument?
    @Option(
        help: "Only articles published before this day (midnight UTC) or RFC 3339 time.",
        transform: TimeArgument.init(parsing:))
    var before: TimeArgument?
    @Option(help: "Only articles from this source.")
    var source: String?

    /// The search these filters ask for, with the entities each article must mention.
    func search(entityIDs: [String], order: ArticleSearch.Order) -> ArticleSearch {
        ArticleSearch(
            text: text, entityIDs: entityIDs, entityType: type?.type, publishedFrom: from?.date,
            publishedBefore: before?.date, source: source, order: order)
    }
}
