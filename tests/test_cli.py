"""The `conduct` command: check, code, duties; bad input gives one line and exit status 2."""
import json
import subprocess
import sys

import pytest

import conduct
from conduct.cli import main

CONDUCT = [sys.executable, "-m", "conduct.cli"]


def run(args, stdin: bytes | None = None):
    return subprocess.run(CONDUCT + args, input=stdin, capture_output=True, timeout=60)


def test_check_json_is_exactly_to_dict():
    text = "Số điện thoại của nó đây 0912.345.678"
    proc = run(["check", text, "--json"])
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.decode("utf-8")) == conduct.assess(text).to_dict()
    assert "Số điện thoại" in proc.stdout.decode("utf-8")  # ensure_ascii=False: readable Vietnamese


def test_check_reads_stdin_and_explains_in_the_chosen_language():
    proc = run(["check", "-", "--lang", "en"], stdin="you are such an idiot".encode())
    assert proc.returncode == 0
    out = proc.stdout.decode("utf-8")
    assert out.startswith("Verdict: Violation") and "Art. 4(6)" in out


@pytest.mark.parametrize("args, stdin, words", [
    (["check", "", "--lang", "en"], None, "empty"),
    (["check", "-"], b"   \n", "trống"),
    (["check", "-"], b"\xff\xfe bad", "UTF-8"),
    (["check", "xin chào", "--role", "king"], None, "king"),
    (["check", "xin chào", "--lang", "fr"], None, "fr"),
    (["duties", "--role", "king"], None, "king"),
    (["code", "12"], None, "12"),
    (["frobnicate"], None, "invalid choice"),
    ([], None, "required"),
])
def test_bad_input_one_line_exit_2(args, stdin, words):
    proc = run(args, stdin)
    err = proc.stderr.decode("utf-8")
    assert proc.returncode == 2
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert words in err


def test_in_process(capsys):
    assert main(["check", "thằng kia ngu vl"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Kết luận: Vi phạm") and "Điều 4 khoản 6" in out
    assert main(["check", "Hôm nay trời đẹp", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"verdict": "ok", "findings": []}
    assert main(["check", "x", "--role", "agency", "--lang", "xx"]) == 2
    assert "xx" in capsys.readouterr().err


def test_code_and_duties(capsys):
    assert main(["code", "4", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "4(5)" in out and "Article 4" in out
    assert main(["duties", "--role", "official"]) == 0
    assert "5(2)" in capsys.readouterr().out
