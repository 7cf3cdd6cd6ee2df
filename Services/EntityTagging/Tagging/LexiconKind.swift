import ArticleModel

/// The type column of a gazetteer line.
enum LexiconKind: String, Sendable, Hashable, CaseIterable {
    case person = "PERSON"
    case organization = "ORGANIZATION"
    case location = "LOCATION"
    case givenName = "GIVEN_NAME"
    case nationality = "NATIONALITY"
    case role = "ROLE"
    case organizationHead = "ORG_HEAD"
    case weakOrganizationHead = "ORG_HEAD_WEAK"
    case namePrefix = "NAME_PREFIX"
    case nameParticle = "NAME_PARTICLE"
    case month = "MONTH"
    case functionWord = "FUNCTION_WORD"
    // Kinds are numbered in this order in the trained model's gazetteer features: add new ones last.
    case venueHead = "VENUE_HEAD"
    case teamHead = "TEAM_HEAD"

    /// The kind's place in declaration order: its bit in ``LexiconKinds`` and in the trained model's gazetteer
    /// features. A switch, because the recognizers ask for every word: a table keyed by the kind hashes its
    /// String raw value, and `allCases` builds a new array at every use.
    var ordinal: Int {
        switch self {
        case .person: 0
        case .organization: 1
        case .location: 2
        case .givenName: 3
        case .nationality: 4
        case .role: 5
        case .organizationHead: 6
        case .weakOrganizationHead: 7
        case .namePrefix: 8
        case .nameParticle: 9
        case .month: 10
        case .functionWord: 11
        case .venueHead: 12
        case .teamHead: 13
        }
    }

    /// The entity type of a name of this kind; `nil` for cue words.
    var entityType: EntityType? {
        switch self {
        case .person: .person
        case .organization: .organization
        case .location: .location
        default: nil
        }
    }

    /// Cue words are found with or without the article (رئيس, الرئيس); names as written.
    var ignoresArticle: Bool {
        self == .role || self == .organizationHead || self == .weakOrganizationHead || self == .venueHead
            || self == .teamHead
            || self == .nationality
    }
}
