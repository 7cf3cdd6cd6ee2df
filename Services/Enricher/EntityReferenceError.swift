import ArticleModel
import StorePort

/// An entity argument of `query` (an id or a name) that names no entity, or more than one.
enum EntityReferenceError: Error, CustomStringConvertible {
    case unknown(String)
    case ambiguous(String, [EntitySummary])

    var description: String {
        switch self {
        case .unknown(let reference):
            "no stored entity has the id or the name \(reference)"
        case .ambiguous(let name, let entities):
            "\(name) names \(entities.count) entities; give one of their ids: "
                + entities.map { "\($0.id) (\($0.type.rawValue), \($0.articleCount) articles)" }.joined(separator: ", ")
        }
    }

    /// The id `reference` gives: itself when an entity has it, else the one entity it names.
    static func resolve(_ reference: String, in store: any ArticleStore) async throws -> String {
        if try await store.entity(id: reference) != nil { return reference }
        let named = try await store.entities(named: reference, type: nil, limit: 10)
        switch named.count {
        case 0: throw EntityReferenceError.unknown(reference)
        case 1: return named[0].id
        default: throw EntityReferenceError.ambiguous(reference, named)
        }
    }
}
