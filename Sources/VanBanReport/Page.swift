/// The frame every report shares: doctype, UTF-8, a viewport, inline style and script, system fonts.
enum Page {
    static func open(title: String, style: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="vanban report">
        <title>\(HTML.escape(title))</title>
        <style>
        \(baseStyle)
        \(style)
        </style>
        </head>

        """
    }

    static func close(script: String) -> String {
        "<script>\n\(script)\n</script>\n</body>\n</html>\n"
    }

    static let baseStyle = """
        :root{--fg:#1f2937;--muted:#6b7280;--line:#e5e7eb;--card:#f9fafb}
        *{box-sizing:border-box}
        body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,sans-serif;color:var(--fg);background:#fff}
        header.top{padding:10px 18px;border-bottom:1px solid var(--line);background:#f3f4f6}
        header.top h1{font-size:18px;margin:0 0 2px}
        header.top .sub{color:var(--muted);font-size:13px}
        h2{font-size:15px;margin:14px 0 6px}
        table{border-collapse:collapse;width:100%;font-size:12.5px}
        th,td{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
        th{background:#f3f4f6;font-weight:600;position:sticky;top:0}
        .muted{color:var(--muted)}
        .num{font-variant-numeric:tabular-nums;white-space:nowrap}
        """
}
