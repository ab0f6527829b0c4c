"""Speed of the post checker: prints the figures the issue asks for.

    python benchmarks/bench_checker.py [--repeat N]

- `import conduct` time, in a fresh interpreter (median of several runs);
- median and 99th-percentile time to assess one bank post (rules already compiled);
- posts per second over the whole bank, on one core;
- time to assess a 1 MB text (mixed Vietnamese/English posts, NFD, teencode, split letters),
  with one sentence in twenty flagged, and the adversarial case where every sentence is;
- the first assessment in a process (compiling every word list) for reference.
- on the realistic post set (tests/rules/data/realistic_posts.yaml), each half separately (dev,
  and held, which is never tuned on): verdict accuracy, the share of harmless posts flagged, and
  recall per concern; and the agreement with the sample bank's gold answers.
Targets: ≥ 5,000 posts/s, import < 0.3 s, 1 MB < 1 s, accuracy ≥ 0.85, harmless flagged ≤ 8 %,
bank agreement ≥ 95 %. No assertions: this script measures.
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import subprocess
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def import_time(runs: int = 5) -> float:
    code = "import time; t=time.perf_counter(); import conduct; print(time.perf_counter()-t)"
    times = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
             for _ in range(runs)]
    return statistics.median(times)


def first_assessment_time() -> float:
    code = ("import time, conduct; t=time.perf_counter(); conduct.assess('xin chào'); "
            "print(time.perf_counter()-t)")
    return float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)


BENIGN = [
    "Hôm nay trời đẹp quá, cả nhà mình đi chơi công viên rồi ghé ăn phở bò ở đầu ngõ. ",
    "Cuối tuần này lớp mình tổ chức dọn rác ở bãi biển, ai rảnh thì đăng ký với lớp trưởng nhé. ",
    "hqua thuc khuya xem bong da, gio buon ngu qua troi, ai co ca phe ko cho xin 1 ly ☕ ",
    "The weather in Hanoi has been lovely this week, perfect for a walk around the lake. ",
    "Shop nhận đơn qua hotline 0912 345 678, giao hàng toàn quốc, cảm ơn cả nhà đã ủng hộ. ",
    unicodedata.normalize("NFD", "Mẹ mình vừa nấu nồi canh chua cá lóc ngon tuyệt, nhớ quê ghê. "),
    "Thanks everyone for the birthday wishes, I had a great time with my family today! ",
    "Theo thông báo chính thức của UBND phường, sáng mai cắt điện từ 8h đến 11h để bảo trì. ",
]
FLAGGED = [
    unicodedata.normalize("NFD", "Thằng kia ngu như bò, đừng tin nó. "),
    "ko biet dung ko nhung nghe noi mai nghi hoc, mn share gap nha!!! ",
    "n.g.u v.l, dm thg kia. ",
    "Số điện thoại của nó đây 0912.345.678, mọi người gọi hỏi tội nó. ",
]


def big_text(size: int = 1_000_000, flagged_every: int = 20) -> str:
    """About `size` characters of mixed posts; one sentence in `flagged_every` is a problem
    (1 = every sentence: the adversarial case)."""
    out, n, i = [], 0, 0
    while n < size:
        p = FLAGGED[i // flagged_every % len(FLAGGED)] if i % flagged_every == 0 else BENIGN[i % len(BENIGN)]
        out.append(p)
        n += len(p)
        i += 1
    return "".join(out)[:size]


def timed_runs(assess, text: str, runs: int = 3):
    """The result and (wall, CPU) seconds of each of `runs` assessments of one text: the first pays
    for the forms the process has not seen yet; the best is the least disturbed by other work."""
    times = []
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        result = assess(text)
        times.append((time.perf_counter() - t, time.process_time() - c))
    return result, times


def realistic_posts():
    spec = importlib.util.spec_from_file_location("realistic_posts", ROOT / "tests/rules/realistic_posts.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module.load()


def found_concerns(result) -> set[str]:
    """Concerns a post was flagged for (or, for encouraged content, recognised as positive)."""
    return {f.concern for f in result.findings if f.verdict != "ok" or f.concern == "positive"}


def quality(posts, assess) -> str:
    lines = []
    batches = sorted({p.batch for p in posts})
    groups = [(half, [p for p in posts if half in ("all", p.half)]) for half in ("dev", "held", "all")]
    if len(batches) > 1:  # each later batch's held half: how the rules carry over to posts written later
        groups += [(f"{b} held", [p for p in posts if p.batch == b and p.half == "held"]) for b in batches]
    for half, chosen in groups:
        results = [assess(p.text, role=p.role) for p in chosen]
        right = sum(r.verdict == p.verdict for p, r in zip(chosen, results, strict=True))
        harmless = [(p, r) for p, r in zip(chosen, results, strict=True) if p.verdict == "ok"]
        flagged = sum(r.verdict != "ok" for _, r in harmless)
        gold, hit = Counter(), Counter()
        for p, r in zip(chosen, results, strict=True):
            got = found_concerns(r)
            for c in p.concerns:
                gold[c] += 1
                hit[c] += c in got
        recall = ", ".join(f"{c} {hit[c] / gold[c]:.2f}" for c in sorted(gold))
        traps = [(p, r) for p, r in zip(chosen, results, strict=True) if p.trap]
        trap_acc = sum(r.verdict == p.verdict for p, r in traps) / max(1, len(traps))
        lines.append(f"realistic posts, {half} half ({len(chosen)} posts, {len(traps)} traps): "
                     f"verdict accuracy {right / len(chosen):.3f} (traps {trap_acc:.3f}), "
                     f"harmless flagged {flagged / max(1, len(harmless)):.1%} of {len(harmless)}   "
                     f"(targets ≥ 0.85, ≤ 8 %)")
        lines.append(f"  recall per concern: {recall}   binary macro-F1 (flagged vs not) {binary_f1(chosen, results):.3f}")
    return "\n".join(lines)


def binary_f1(posts, results) -> float:
    """Macro-F1 of flagged (caution or violation) against not flagged, as the issue measures the
    real comment corpora."""
    pairs = [(p.verdict != "ok", r.verdict != "ok") for p, r in zip(posts, results, strict=True)]
    f1s = []
    for cls in (True, False):
        tp = sum(g == cls and o == cls for g, o in pairs)
        fp = sum(g != cls and o == cls for g, o in pairs)
        fn = sum(g == cls and o != cls for g, o in pairs)
        f1s.append(2 * tp / max(1, 2 * tp + fp + fn))
    return sum(f1s) / 2


def bank_agreement(posts, assess) -> float:
    agree = 0
    for p in posts:
        r = assess(p.text, role=p.role)
        ok = r.verdict == p.verdict and (p.verdict == "ok" or bool(
            {f.concern for f in r.findings if f.verdict != "ok"} & set(p.concerns)))
        agree += ok
    return agree / len(posts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5, help="passes over the bank (default 5)")
    ap.add_argument("--quality-only", action="store_true", help="only the accuracy figures, no timing")
    args = ap.parse_args()

    import conduct
    from conduct.bank import load_posts

    bank = load_posts()
    posts = [(p.text, p.role) for p in bank]
    conduct.assess("warm up")  # compile the rules once, as a long-running process would
    print(quality(realistic_posts(), conduct.assess))
    print(f"bank agreement with the gold answers: {bank_agreement(bank, conduct.assess):.1%} of {len(bank)}   "
          f"(target ≥ 95 %)")
    if args.quality_only:
        return
    single = []
    for text, role in posts:
        t = time.perf_counter()
        conduct.assess(text, role=role)
        single.append(time.perf_counter() - t)
    single.sort()
    p99 = single[min(len(single) - 1, int(round(0.99 * (len(single) - 1))))]

    t, c = time.perf_counter(), time.process_time()
    for _ in range(args.repeat):
        for text, role in posts:
            conduct.assess(text, role=role)
    rate = args.repeat * len(posts) / (time.perf_counter() - t)
    cpu_rate = args.repeat * len(posts) / (time.process_time() - c)

    text = big_text()
    result, big_runs = timed_runs(conduct.assess, text)
    dense = big_text(flagged_every=1)
    dense_result, dense_runs = timed_runs(conduct.assess, dense)

    print(f"import conduct (fresh process, median of 5): {import_time() * 1000:.1f} ms   (target < 300 ms)")
    print(f"first assessment in a process (compiles rules): {first_assessment_time() * 1000:.1f} ms")
    print(f"bank posts: {len(posts)}")
    print(f"one post: median {statistics.median(single) * 1e6:.0f} µs, p99 {p99 * 1e6:.0f} µs")
    # CPU time is printed beside wall time: on a shared machine the wall clock counts other work too.
    print(f"posts per second over the bank (one core): {rate:,.0f} wall, {cpu_rate:,.0f} CPU   (target ≥ 5,000)")
    for label, runs, res in (("1 MB text (one sentence in 20 flagged)", big_runs, result),
                             ("1 MB text, every sentence flagged (adversarial)", dense_runs, dense_result)):
        (first_wall, first_cpu), best_wall, best_cpu = runs[0], min(w for w, _ in runs), min(c for _, c in runs)
        print(f"{label}: first {first_wall:.3f} s wall, {first_cpu:.3f} s CPU; best of {len(runs)} {best_wall:.3f} s wall, "
              f"{best_cpu:.3f} s CPU; verdict {res.verdict}, {len(res.findings)} findings   (target < 1 s)")
    print(f"load average while measuring: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
