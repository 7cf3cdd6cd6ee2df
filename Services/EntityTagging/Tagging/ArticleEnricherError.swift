/// Why an ``ArticleEnricher`` could not be made: one of its bundled resources is missing or
/// damaged, which is a packaging fault.
public enum ArticleEnricherError: Error, Sendable, CustomStringConvertible {
    case gazetteer(GazetteerError)
    case model(NERModelError)

    public var description: String {
        switch self {
        case .gazetteer(let error): "\(error)"
        case .model(let error): "\(error)"
        }
    }
}
