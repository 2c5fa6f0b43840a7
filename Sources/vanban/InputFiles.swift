import Foundation

/// The files a command reads: paths as given, folders walked recursively.
enum InputFiles {
    /// Each path as given; a folder becomes the `.txt` files under it (recursively, hidden entries
    /// skipped, sorted). A path that does not exist is kept, so that reading it reports why.
    static func expand(_ paths: [String]) -> [String] {
        var result: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            if path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                result += textFiles(under: path)
            } else {
                result.append(path)
            }
        }
        return result
    }

    /// The `.txt` files under a folder, recursively, sorted by path.
    static func textFiles(under folder: String) -> [String] {
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        let enumerator = FileManager.default.enumerator(atPath: base)
        var result: [String] = []
        while let item = enumerator?.nextObject() as? String {
            if item.hasPrefix(".") || item.contains("/.") { continue }
            if item.hasSuffix(".txt") { result.append(base + "/" + item) }
        }
        return result.sorted()
    }
}
