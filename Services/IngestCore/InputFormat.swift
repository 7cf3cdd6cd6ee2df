/// How an input holds articles.
public enum InputFormat: String, Sendable, CaseIterable {
    /// One article per file: the whole text is the body.
    case text = "txt"
    /// One JSON object per line; `body` is required.
    case jsonLines = "jsonl"

    /// The format a file name implies, or nil for files that hold no articles.
    public init?(fileName: String) {
        if fileName.hasSuffix(".txt") {
            self = .text
        } else if fileName.hasSuffix(".jsonl") {
            self = .jsonLines
        } else {
            return nil
        }
    }

    /// Guesses the format of unnamed input (stdin): JSON Lines when it starts with "{".
    public static func sniff(_ bytes: some Collection<UInt8>) -> InputFormat {
        let firstVisible = bytes.first { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }
        return firstVisible == UInt8(ascii: "{") ? .jsonLines : .text
    }
}
