public import ArticleModel

extension NERType {
    /// The product's entity type for this corpus type; MISC has none.
    public var entityType: EntityType? {
        switch self {
        case .person: .person
        case .organization: .organization
        case .location: .location
        case .miscellaneous: nil
        }
    }

    /// The corpus type of a product entity type; dates have none.
    public init?(_ type: EntityType) {
        switch type {
        case .person: self = .person
        case .organization: self = .organization
        case .location: self = .location
        case .date: return nil
        }
    }
}
