#!/usr/bin/env python3
"""Writes the fuzz targets' seed inputs under OUT/<target>/ from the repository's own files:
the real content and templates, the test fixtures and the CommonMark spec's examples.

A content or locator seed starts with the byte that chooses its reader (see Fuzz/Checks), and long
files are cut into pieces: libFuzzer mutates small inputs far faster than whole exports.
"""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
# The readers' numbers, as ContentCheck.Reader and LocatorCheck.Reader order them.
GUIDE_PAGE, SITE, SOURCES, COMPARISON, SCHEDULE, MODALITIES, FAQ, INSURERS, IMPORTED, OVERRIDES = 0, 2, 3, 4, 5, 6, 7, 8, 9, 10
TRANSLATED_GUIDE_PAGE, STRING_TABLE = 11, 12
NATIONWIDE_CSV, LOCATOR_JSON, ZIP_CODES, PLACES = 0, 1, 2, 3


def pieces(text, lines_per_piece):
    """The text in runs of whole lines."""
    lines = text.splitlines(keepends=True)
    for start in range(0, len(lines), lines_per_piece):
        yield "".join(lines[start:start + lines_per_piece])


def main(out):
    seeds = {name: [] for name in ["markdown", "content", "locator", "html", "templates"]}
    spec = json.loads((ROOT / "Tests/Fixtures/commonmark/spec-0.31.2.json").read_text())
    for example in spec:
        seeds["markdown"].append(example["markdown"].encode())
        seeds["html"].append(example["html"].encode())
    for guide in sorted((ROOT / "Content/guide").glob("*.md")):
        text = guide.read_text()
        seeds["content"].append(bytes([GUIDE_PAGE]) + text.encode())
        body = text.split("\n---\n", 1)[-1]
        for section in body.split("\n## "):
            seeds["markdown"].append(section.encode())
    for guide in sorted((ROOT / "Content/guide").glob("*/*.md")):
        seeds["content"].append(bytes([TRANSLATED_GUIDE_PAGE]) + guide.read_bytes())
    for table in sorted((ROOT / "Templates/i18n").glob("*.yaml")):
        seeds["content"].append(bytes([STRING_TABLE]) + table.read_bytes())
    for reader, path in [(SITE, "Content/site.yaml"), (SOURCES, "Content/sources.yaml"),
                         (COMPARISON, "Content/guide/data/comparison.yaml"), (SCHEDULE, "Content/guide/data/schedule.yaml"),
                         (MODALITIES, "Content/guide/data/modalities.yaml"), (FAQ, "Content/guide/data/faq.yaml"),
                         (INSURERS, "Content/guide/data/insurers.csv"), (OVERRIDES, "Content/directory/va.yaml")]:
        seeds["content"].append(bytes([reader]) + (ROOT / path).read_bytes())
    imported = (ROOT / "Content/directory/imported/va.yaml").read_text().split("\n  - id: ")
    for index in range(1, min(len(imported), 40), 4):
        seeds["content"].append(bytes([IMPORTED]) + ("facilities:\n  - id: " + "\n  - id: ".join(imported[index:index + 4])).encode())
    nationwide = (ROOT / "Tests/Fixtures/samhsa/SAMHSA_Nationwide_Substance_Use_Treatment_Data.csv").read_text()
    header, rows = nationwide.split("\n", 1)
    for piece in list(pieces(rows, 20))[:30]:
        seeds["locator"].append(bytes([NATIONWIDE_CSV]) + (header + "\n" + piece).encode())
    export = json.loads((ROOT / "Tests/Fixtures/samhsa/findtreatment_api_sample_2019_VA.json").read_text())
    for start in range(0, min(len(export["rows"]), 40), 2):
        seeds["locator"].append(bytes([LOCATOR_JSON]) + json.dumps({"rows": export["rows"][start:start + 2]}, indent=1).encode())
    for reader, path in [(ZIP_CODES, "Content/geo/us-zip-centroids.csv"), (PLACES, "Content/geo/us-places.csv")]:
        header, rows = (ROOT / path).read_text().split("\n", 1)
        for piece in list(pieces(rows, 25))[:10]:
            seeds["locator"].append(bytes([reader]) + (header + "\n" + piece).encode())
    for template in sorted((ROOT / "Templates").glob("*.mustache")):
        seeds["templates"].append(template.read_bytes())
        seeds["html"].append(template.read_bytes())
    for name, inputs in seeds.items():
        folder = pathlib.Path(out) / name
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.iterdir():
            old.unlink()
        for index, data in enumerate(inputs):
            (folder / f"seed-{index:04d}").write_bytes(data)
        print(f"{name}: {len(inputs)} seeds")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".build/fuzz/seeds")
