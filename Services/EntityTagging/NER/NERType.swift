/// The four entity types of the Arabic NER corpora (ANERcorp, AQMAR, the 4-type FANE files).
public enum NERType: String, Sendable, Hashable, CaseIterable {
    case person = "PER"
    case organization = "ORG"
    case location = "LOC"
    case miscellaneous = "MISC"

    /// The position in `allCases`, for dense tag numbers.
    var ordinal: Int {
        switch self {
        case .person: 0
        case .organization: 1
        case .location: 2
        case .miscellaneous: 3
        }
    }
}
