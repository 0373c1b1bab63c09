"""JUnit XML: a ``testsuite`` per document, a failing ``testcase`` per finding (for CI test tabs).

>>> from repairkit.pipeline import DocumentResult
>>> from repairkit.model import Finding, Severity, Span
>>> doc = Document.from_text("the th <summit>", path="a.txt")
>>> f = Finding("RK101", "orphan-ordinal", "missing-number", Severity.ERROR, Span(4, 6), "lost & found")
>>> xml = render([DocumentResult(doc, [f]), DocumentResult(Document.from_text("ok", "b.txt"), [])])
>>> '<failure message="RK101: lost &amp; found" type="RK101">' in xml
True
>>> root = ElementTree.fromstring(xml)
>>> root.get("failures"), [c.get("name") for c in root.iter("testcase")]
('1', ['RK101 orphan-ordinal at 1:5', 'no findings'])
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from xml.etree import ElementTree

from repairkit.document import Document
from repairkit.pipeline import DocumentResult
from repairkit.report.locations import relative_path
from repairkit.report.text import render as render_text

#: Characters XML 1.0 cannot carry at all (form feed, vertical tab and other controls).
_NOT_XML_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """Replace characters XML 1.0 forbids with U+FFFD.

    >>> xml_safe("a" + chr(12) + "b") == "a" + chr(0xFFFD) + "b"
    True
    """
    return _NOT_XML_RE.sub("\ufffd", text)


def document_suite(doc: Document, result: DocumentResult) -> ElementTree.Element:
    """The ``testsuite`` of one document: a failing test case per finding (named by rule and
    place, so CI test tabs list them one by one), or one passing case for a clean document."""
    path = xml_safe(relative_path(doc.path))
    failures = len(result.findings)
    suite = ElementTree.Element("testsuite", {"name": path, "tests": str(max(1, failures)),
                                              "failures": str(failures), "errors": "0", "skipped": "0"})
    if not result.findings:
        ElementTree.SubElement(suite, "testcase", {"classname": path, "name": "no findings", "file": path})
    for f in result.findings:
        line, col = doc.line_col(f.span.start)
        case = ElementTree.SubElement(suite, "testcase", {"classname": path, "name": xml_safe(
            f"{f.code} {f.rule} at {line}:{col}"), "file": path, "line": str(line)})
        message = xml_safe(f"{f.code}: {f.message}")
        failure = ElementTree.SubElement(case, "failure", {"message": message, "type": f.code})
        detail = render_text([DocumentResult(doc, [f], result.references)]).splitlines()[:-1]
        failure.text = xml_safe("\n".join(detail) + f"\n(line {line}, column {col}, severity {f.severity.label})")
    return suite


def render(results: Sequence[DocumentResult]) -> str:
    """Render a ``testsuites`` document (UTF-8 XML with declaration)."""
    suites = [document_suite(r.document, r) for r in results]
    tests = sum(int(s.get("tests", "0")) for s in suites)
    failures = sum(len(r.findings) for r in results)
    root = ElementTree.Element("testsuites", {"name": "repairkit", "tests": str(tests),
                                              "failures": str(failures), "errors": "0"})
    root.extend(suites)
    ElementTree.indent(root)
    return ElementTree.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
