#!/usr/bin/env bash
# Adds up the test reports of the last build (Surefire, Failsafe, Vitest JUnit) and prints
# "tests: N passed, N failed". A report with errors counts them as failed.
cd "$(dirname "$0")/.."
python3 - <<'PY'
import glob, xml.etree.ElementTree as ET
passed = failed = skipped = 0
files = glob.glob("*/target/surefire-reports/TEST-*.xml") + glob.glob("*/target/failsafe-reports/TEST-*.xml") \
      + glob.glob("examples/*/target/surefire-reports/TEST-*.xml") + glob.glob("examples/*/target/failsafe-reports/TEST-*.xml") \
      + glob.glob("frontend/target/vitest-junit.xml")
for f in files:
    try:
        root = ET.parse(f).getroot()
    except ET.ParseError:
        failed += 1
        continue
    suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
    for s in suites:
        t = int(s.get("tests", 0)); fl = int(s.get("failures", 0)); e = int(s.get("errors", 0)); sk = int(s.get("skipped", 0))
        passed += t - fl - e - sk; failed += fl + e; skipped += sk
if skipped:
    print(f"({skipped} skipped)")
print(f"tests: {passed} passed, {failed} failed")
PY
