import Foundation

/// Writes a line to standard error, where both services put messages for people so that
/// standard output carries only results (summaries, tables, JSON).
public func printToStandardError(_ text: String, terminator: String = "\n") {
    FileHandle.standardError.write(Data((text + terminator).utf8))
}
