/// Where an article came from in the ingest input: a file, a line of a JSONL file, or stdin.
public struct ArticleOrigin: Sendable, Hashable, CustomStringConvertible {
    /// A file path, or "-" for standard input.
    public var path: String
    /// 1-based line number inside a JSONL input.
    public var line: Int?

    public init(path: String, line: Int? = nil) {
        self.path = path
        self.line = line
    }

    public var description: String {
        let name = path == "-" ? "<stdin>" : path
        return line.map { "\(name):\($0)" } ?? name
    }
}
