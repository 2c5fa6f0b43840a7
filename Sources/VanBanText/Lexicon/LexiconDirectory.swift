import Foundation

/// Where lexicon files are read from: the built-in `Lexicons/` folder, then any folders the
/// user adds (`--lexicons DIR`); a user file with the same name as a built-in one adds rows.
///
/// The built-in folder is found, in order, from `$VANBAN_LEXICONS`, by walking up from the
/// executable (`.build/release/vanban` → the package's `Lexicons/`), or from this source file's
/// location at build time (tests, and binaries run on the machine that built them).
public struct LexiconDirectory: Sendable {
    /// Folders in load order.
    public let folders: [String]

    public init(folders: [String]) {
        self.folders = folders
    }

    /// The built-in folder plus `extra` folders; throws when no built-in folder can be found.
    public static func locate(adding extra: [String] = []) throws(LexiconError) -> LexiconDirectory {
        for folder in extra where !isDirectory(folder) {
            throw LexiconError(path: folder, line: 0, message: "lexicon folder not found")
        }
        guard let builtin = findBuiltin() else {
            throw LexiconError(path: "Lexicons", line: 0,
                               message: "built-in lexicon folder not found; set VANBAN_LEXICONS to the package's Lexicons folder")
        }
        return LexiconDirectory(folders: [builtin] + extra)
    }

    /// The built-in folder, if it can be found.
    public static func findBuiltinPath() -> String? { findBuiltin() }

    static func findBuiltin() -> String? {
        if let env = ProcessInfo.processInfo.environment["VANBAN_LEXICONS"], isDirectory(env) { return env }
        var starts: [String] = []
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { starts.append(exe) }
        starts.append(CommandLine.arguments.first ?? "")
        starts.append(#filePath)
        for start in starts where !start.isEmpty {
            var url = URL(fileURLWithPath: start).deletingLastPathComponent()
            for _ in 0..<8 {
                let candidate = url.appendingPathComponent("Lexicons")
                if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("document-types.tsv").path) {
                    return candidate.path
                }
                let parent = url.deletingLastPathComponent()
                if parent.path == url.path { break }
                url = parent
            }
        }
        return nil
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    /// Every table with this file name (e.g. `agencies.tsv`, `encodings/vni.tsv`) across the folders.
    /// A missing built-in file is an error only when `required`.
    public func tables(_ name: String, required: Bool = true) throws(LexiconError) -> [TSVTable] {
        var tables: [TSVTable] = []
        for (index, folder) in folders.enumerated() {
            let path = folder + "/" + name
            guard FileManager.default.fileExists(atPath: path) else {
                if index == 0 && required { throw LexiconError(path: path, line: 0, message: "lexicon file missing") }
                continue
            }
            guard let data = FileManager.default.contents(atPath: path),
                  let contents = String(data: data, encoding: .utf8) else {
                throw LexiconError(path: path, line: 0, message: "not readable as UTF-8")
            }
            tables.append(try TSVTable(contents: contents, path: path))
        }
        return tables
    }

    /// The legacy encodings under `encodings/` of the built-in folder.
    public func legacyEncodings() throws(LexiconError) -> [LegacyEncoding] {
        var result: [LegacyEncoding] = []
        for name in ["tcvn3", "vni", "windows-1258"] {
            for table in try tables("encodings/\(name).tsv", required: false) {
                result.append(try LegacyEncoding(name: name, table: table))
            }
        }
        return result
    }
}
