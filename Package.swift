// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "VanBan",
    products: [
        .executable(name: "vanban", targets: ["vanban"]),
        .library(name: "VanBan", targets: ["VanBanText", "VanBanExtract", "VanBanExport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // C shim over the system ICU; its header exposes plain C types only.
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n")]
        ),
        // decode → normalize (with the offset map) → tokenize, sentences, section tree.
        .target(name: "VanBanText", dependencies: ["CICU"]),
        // Lexicons and the extractors: layout, numbers, citations, dates, agencies, people, directives.
        .target(name: "VanBanExtract", dependencies: ["VanBanText"]),
        // vanban/1 JSON, JSON Lines, the task table as CSV and text.
        .target(name: "VanBanExport", dependencies: ["VanBanText", "VanBanExtract"]),
        // The command-line tool: one file per subcommand.
        .executableTarget(
            name: "vanban",
            dependencies: [
                "VanBanText", "VanBanExtract", "VanBanExport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "VanBanTextTests", dependencies: ["VanBanText"]),
        .testTarget(name: "VanBanExtractTests", dependencies: ["VanBanExtract", "VanBanText"]),
        .testTarget(name: "VanBanExportTests", dependencies: ["VanBanExport", "VanBanExtract", "VanBanText"]),
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
