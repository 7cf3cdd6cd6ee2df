/// The kinds of named entity the enricher tags.
public enum EntityType: String, Sendable, Hashable, Codable, CaseIterable {
    case person = "PERSON"
    case organization = "ORGANIZATION"
    case location = "LOCATION"
    case date = "DATE"
}
