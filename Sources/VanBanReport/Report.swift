/// Self-contained HTML reports (work in progress: issue 8).
public enum ReportFormat {
    public static let name = "vanban-report/1"
}
