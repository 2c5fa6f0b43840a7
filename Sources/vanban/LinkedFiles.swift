import VanBanExport
import VanBanExtract
import VanBanLink

/// Files extracted on all cores and linked in memory: what `graph PATH...` and `report --corpus`
/// draw when no store is given.
struct LinkedFiles {
    var graph: DocumentGraph
    /// Every directive of the files, when asked for.
    var tasks: [TaskTable.Row]
    /// Whether some file could not be read (each already reported on stderr).
    var failed: Bool

    static func read(_ files: [String], pipeline: Pipeline, jobs: Int?, tasks wantTasks: Bool) throws -> LinkedFiles {
        var documents: [LinkDocument] = []
        var tasks: [TaskTable.Row] = []
        var failed = false
        try BatchRunner.run(files, pipeline: pipeline, jobs: jobs) { _, result in
            switch result {
            case .failure(let failure):
                Output.error(failure.message)
                failed = true
            case .success(let extraction):
                documents += LinkDocument.documents(of: extraction)
                if wantTasks { tasks += TaskTable(extraction).rows }
            }
        }
        return LinkedFiles(graph: DocumentLinker(lexicon: pipeline.lexicon).link(documents), tasks: tasks, failed: failed)
    }
}
