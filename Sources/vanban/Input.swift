import ArgumentParser
import Foundation
import VanBanExtract
import VanBanText

/// A failure caused by the input (a file, a lexicon): reported as one line, exit status 1.
struct InputFailure: Error {
    let message: String
}

/// Options every subcommand that reads documents shares.
struct InputOptions: ParsableArguments {
    @Option(name: .customLong("lexicons"), help: "A folder of extra lexicon files added to the built-in ones (repeatable).")
    var lexicons: [String] = []
}

/// Reading inputs: files, `-` for standard input.
enum InputReader {
    /// The bytes of a path, or a one-line reason it cannot be read.
    static func read(_ path: String) -> Result<[UInt8], InputFailure> {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return .success([UInt8](data))
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(InputFailure(message: "\(path): no such file"))
        }
        if isDirectory.boolValue { return .failure(InputFailure(message: "\(path): is a directory, not a file")) }
        guard FileManager.default.isReadableFile(atPath: path), let data = FileManager.default.contents(atPath: path) else {
            return .failure(InputFailure(message: "\(path): cannot be read (permission denied?)"))
        }
        return .success([UInt8](data))
    }

    /// Reads and decodes one input.
    static func source(_ path: String, decoder: Decoder) -> Result<SourceText, InputFailure> {
        switch read(path) {
        case .failure(let failure): return .failure(failure)
        case .success(let bytes):
            do { return .success(try decoder.decode(bytes, path: path)) } catch {
                return .failure(InputFailure(message: error.description))
            }
        }
    }

    /// Loads the pipeline, turning lexicon errors into an input failure.
    static func pipeline(_ options: InputOptions) throws -> Pipeline {
        do { return try Pipeline.load(extraLexicons: options.lexicons) } catch {
            throw InputFailure(message: error.description)
        }
    }
}

/// Standard output and error as byte sinks.
enum Output {
    static func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Foundation.write(1, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 { break }
                offset += n
            }
        }
    }
    static func write(_ string: String) { write(Array(string.utf8)) }

    /// `bytes` to the file at `path` (written whole, then moved into place, so a reader never sees
    /// half of it), or to standard output when `path` is nil. `what` names it in the error line.
    static func save(_ bytes: [UInt8], to path: String?, what: String) throws {
        guard let path else { write(bytes); return }
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw InputFailure(message: "\(path): cannot write \(what) (\((error as NSError).localizedDescription))")
        }
    }

    static func error(_ line: String) { FileHandle.standardError.write(Data(("vanban: " + line + "\n").utf8)) }
}
