/// The release both executables report with `--version`. Bump it with every tagged release; the enrichment version
/// (`akhbar-enricher query stats`, the enricher's start-up log) says which tagger and data enriched an article.
public enum AkhbarRelease {
    public static let version = "0.9.0"
}
