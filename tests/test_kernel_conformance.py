"""jupyter_kernel_test's protocol conformance suite against the jsrust kernel.

Every sample attribute is set, so no test of the suite is skipped. The module (not
the class) is imported so pytest does not also collect the base class (which would
test python3). Widgets are kept out: the suite has no comm schema.
"""
from __future__ import annotations

import jupyter_kernel_test


class JsrustKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "jsrust"
    language_name = "javascript"
    file_extension = ".js"

    code_hello_world = 'console.log("hello, world")'
    code_stderr = 'console.error("to stderr")'
    completion_samples = [
        {"text": "consol", "matches": {"console"}},
        {"text": "Math.flo", "matches": {"floor"}},
        {"text": "%lsm", "matches": {"lsmagic"}},
    ]
    complete_code_samples = ["1 + 1", "function f() { return 1; }", "%%rust\nfunction g() {}\n", "let s = `a${1}b`;"]
    incomplete_code_samples = ["function f() {", "f(1,", "`abc", "let x = [1,\n2,", "%%node\nconsole.log(1)"]
    invalid_code_samples = ["1 +* 2", ")", "let = ;"]
    code_page_something = "%types?"
    code_generate_error = 'throw new Error("boom")'
    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": "'a' + 'b'", "result": "'ab'"},
        {"code": "[1, 'x', null]", "result": "[ 1, 'x', null ]"},
        {"code": "({a: 1.5})", "result": "{ a: 1.5 }"},
    ]
    code_display_data = [
        {"code": 'display.html("<b>hi</b>")', "mime": "text/html"},
        {"code": 'display.svg("<svg xmlns=\'http://www.w3.org/2000/svg\'></svg>")', "mime": "image/svg+xml"},
        {"code": 'display.markdown("*hi*")', "mime": "text/markdown"},
        {"code": "display.json({a: [1, 2]})", "mime": "application/json"},
    ]
    code_history_pattern = "6 * 7"
    supported_history_operations = ("tail", "range", "search")
    code_inspect_sample = "Math"
    code_clear_output = 'console.log("before"); display.clear()'
