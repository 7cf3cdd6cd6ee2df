import ArabicText
import ArticleModel
public import Foundation

/// Turns the ingest command's inputs (files, directories, "-" for stdin) into articles.
///
/// Every input ends up as an `InputRecord`: an article, or the problem with it. Directories are
/// walked recursively in name order; `.txt` and `.jsonl` files are read, every other file (hidden
/// ones aside) is reported as not an article file, never passed over in silence. A `.txt` page is
/// published on the day it gives for itself (a "تاريخ النشر" line, a dateline, a picture named
/// after its day), when it gives one.
public struct ArticleReader: Sendable {
    /// Inputs larger than this (a file for text, a line for JSON Lines) are refused.
    public var maxArticleBytes: Int
    /// The format of stdin; guessed from its first byte when nil.
    public var stdinFormat: InputFormat?
    /// Stamped on every article as its ingest time.
    public var now: @Sendable () -> Date
    /// Reads a text page's own date.
    private let cleaner = PageCleaner()

    public init(
        maxArticleBytes: Int = 1 << 20, stdinFormat: InputFormat? = nil, now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.maxArticleBytes = maxArticleBytes
        self.stdinFormat = stdinFormat
        self.now = now
    }

    /// The input files a path stands for: itself, the files below a directory but hidden ones, or stdin.
    public func expand(_ path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
            isDirectory.boolValue
        else { return [path] }
        let root = URL(fileURLWithPath: path)
        guard
            let walker = FileManager.default.enumerator(
                at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return [path] }
        return walker.compactMap { $0 as? URL }
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
            .map { $0.path }
            .sorted()
    }

    /// Reads one input file (or "-") into records.
    public func read(_ path: String) -> [InputRecord] {
        guard path == "-" || InputFormat(fileName: path) != nil else {
            return [InputRecord(origin: ArticleOrigin(path: path), article: .failure(.notAnArticleFile))]
        }
        let bytes: [UInt8]
        do {
            bytes = try path == "-" ? Self.readStandardInput() : Array(Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            return [InputRecord(origin: ArticleOrigin(path: path), article: .failure(.unreadable(Self.reason(error))))]
        }
        let format = path == "-" ? (stdinFormat ?? InputFormat.sniff(bytes)) : (InputFormat(fileName: path) ?? .text)
        switch format {
        case .text:
            return [InputRecord(origin: ArticleOrigin(path: path), article: textArticle(bytes[...]))]
        case .jsonLines:
            return jsonLineArticles(bytes, path: path)
        }
    }

    private func textArticle(_ bytes: ArraySlice<UInt8>) -> Result<RawArticle, InputProblem> {
        decodeBody(bytes).flatMap { body in
            Self.checked(
                RawArticle(
                    id: ArticleIdentity.id(explicit: nil, url: nil, body: body), body: body,
                    publishedAt: cleaner.clean(body).pageDate.flatMap { DateText.instant($0.iso) },
                    ingestedAt: now()))
        }
    }

    /// The article, or the field rule it breaks (the same rules the codec and gRPC apply).
    private static func checked(_ article: RawArticle) -> Result<RawArticle, InputProblem> {
        article.fieldViolation().map { .failure(.invalidField($0)) } ?? .success(article)
    }

    private func jsonLineArticles(_ bytes: [UInt8], path: String) -> [InputRecord] {
        var records: [InputRecord] = []
        for (index, line) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            guard line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { continue }
            let origin = ArticleOrigin(path: path, line: index + 1)
            records.append(InputRecord(origin: origin, article: jsonArticle(line)))
        }
        return records
    }

    private func jsonArticle(_ line: ArraySlice<UInt8>) -> Result<RawArticle, InputProblem> {
        // JSON escapes take up to three bytes per byte of text; past that the body cannot fit, so stop reading.
        let lineLimit = 3 * (maxArticleBytes + ArticleFieldRules.maxShortFieldBytes)
        guard line.count <= lineLimit else {
            return .failure(.tooLarge(bytes: line.count, limit: lineLimit))
        }
        guard String(validating: line, as: UTF8.self) != nil else { return .failure(.notUTF8) }
        let fields: ArticleLine
        do {
            fields = try JSONDecoder().decode(ArticleLine.self, from: Data(line))
        } catch {
            return .failure(.invalidJSON(Self.reason(error)))
        }
        guard let body = fields.body else { return .failure(.missingBody) }
        guard !body.allSatisfy(\.isWhitespace) else { return .failure(.empty) }
        guard body.utf8.count <= maxArticleBytes else {
            return .failure(.tooLarge(bytes: body.utf8.count, limit: maxArticleBytes))
        }
        var publishedAt: Date?
        if let text = fields.publishedAt {
            guard let date = DateText.instant(text) else { return .failure(.invalidDate(text)) }
            publishedAt = date
        }
        return Self.checked(
            RawArticle(
                id: ArticleIdentity.id(explicit: fields.id, url: fields.url, body: body),
                url: fields.url,
                source: fields.source,
                title: fields.title,
                body: body,
                publishedAt: publishedAt,
                ingestedAt: now()
            )
        )
    }

    private func decodeBody(_ bytes: ArraySlice<UInt8>) -> Result<String, InputProblem> {
        guard bytes.count <= maxArticleBytes else {
            return .failure(.tooLarge(bytes: bytes.count, limit: maxArticleBytes))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { return .failure(.notUTF8) }
        guard !text.allSatisfy(\.isWhitespace) else { return .failure(.empty) }
        return .success(text)
    }

    private static func readStandardInput() throws -> [UInt8] {
        Array(try FileHandle.standardInput.readToEnd() ?? Data())
    }

    private static func reason(_ error: any Error) -> String {
        if let decoding = error as? DecodingError {
            switch decoding {
            case .dataCorrupted(let context), .typeMismatch(_, let context), .valueNotFound(_, let context),
                .keyNotFound(_, let context):
                // Name the field: "Expected to decode String but found number" alone does not say which.
                let field = context.codingPath.map(\.stringValue).joined(separator: ".")
                return field.isEmpty ? context.debugDescription : "\(field): \(context.debugDescription)"
            @unknown default:
                return String(describing: decoding)
            }
        }
        return (error as NSError).localizedDescription
    }
}
