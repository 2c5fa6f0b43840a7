// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "VanBan",
    products: [
        .executable(name: "vanban", targets: ["vanban"]),
        .library(name: "VanBan", targets: ["VanBanText", "VanBanExtract", "VanBanLink", "VanBanExport", "VanBanStore", "VanBanReport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // C shim over the system ICU; its header exposes plain C types only.
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n")]
        ),
        // SHA-256 blocks with the x86 SHA extensions, behind a CPU check (the Swift code is the fallback).
        .target(name: "CSHA256"),
        // decode → normalize (with the offset map) → tokenize, sentences, section tree.
        .target(name: "VanBanText", dependencies: ["CICU", "CSHA256"]),
        // Lexicons and the extractors: layout, numbers, citations, dates, agencies, people, directives.
        .target(name: "VanBanExtract", dependencies: ["VanBanText"]),
        // Link: document identity, citation resolution, the cross-reference graph.
        .target(name: "VanBanLink", dependencies: ["VanBanText", "VanBanExtract"]),
        // vanban/1 JSON, JSON Lines, the task table as CSV and text, the graph as JSON, DOT and GraphML.
        .target(name: "VanBanExport", dependencies: ["VanBanText", "VanBanExtract", "VanBanLink"]),
        // The embedded SQLite store: schema and migrations, ingest, full-text search, graph queries.
        .target(
            name: "VanBanStore",
            dependencies: ["VanBanText", "VanBanExtract", "VanBanLink", "VanBanExport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Self-contained HTML reports of a document and of the corpus graph.
        .target(name: "VanBanReport", dependencies: ["VanBanText", "VanBanExtract", "VanBanLink", "VanBanExport"]),
        // The command-line tool: one file per subcommand.
        .executableTarget(
            name: "vanban",
            dependencies: [
                "VanBanText", "VanBanExtract", "VanBanLink", "VanBanExport", "VanBanStore", "VanBanReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "VanBanTextTests", dependencies: ["VanBanText"]),
        .testTarget(name: "VanBanExtractTests", dependencies: ["VanBanExtract", "VanBanText"]),
        .testTarget(name: "VanBanExportTests", dependencies: ["VanBanExport", "VanBanExtract", "VanBanLink", "VanBanText"]),
        .testTarget(name: "VanBanLinkTests", dependencies: ["VanBanLink", "VanBanExtract", "VanBanText"]),
        .testTarget(name: "VanBanStoreTests", dependencies: ["VanBanStore", "VanBanLink", "VanBanExtract", "VanBanText"]),
        .testTarget(name: "VanBanReportTests", dependencies: ["VanBanReport", "VanBanExport", "VanBanLink", "VanBanExtract", "VanBanText"]),
        .testTarget(name: "vanbanTests", dependencies: ["vanban"]),
        // Properties of the whole pipeline on random and mutated corpus text (spans, dates, JSON, determinism).
        .testTarget(
            name: "PropertyTests",
            dependencies: [
                "VanBanExtract", "VanBanExport", "VanBanText",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
    ]
)
