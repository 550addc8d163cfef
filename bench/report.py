"""The markdown report of bench/run.py: extraction, load (with extract time and COPY floor),
named-query latency and viz tables."""

from __future__ import annotations

from pledgegraph.queries.library import named_queries

__all__ = ["STORE_NAMES", "EXTRACT_SAMPLE", "report"]

STORE_NAMES = {"ladybug": "LadybugDB", "ladybug-row": "LadybugDB, row path", "neo4j": "Neo4j 5.26"}
EXTRACT_SAMPLE = 100  # plans timed for chars/s: enough for a steady rate, quick at any --sizes


# -- report ---------------------------------------------------------------------------------

def _ms(pair: tuple[float, float]) -> str:
    return f"{pair[0]:.1f} / {pair[1]:.1f}"


def report(header: str, extraction: tuple, corpus_chars: dict[int, int], runs: dict[str, dict[int, dict]],
           extract_s: dict[int, float]) -> str:
    chars, ours, jieba_rate = extraction
    lines = [header, "", "## Extraction throughput", "",
             "| plans | characters | pledgegraph chars/s | jieba.lcut chars/s | pledgegraph / jieba |",
             "|---|---|---|---|---|"]
    jieba_cells = ("jieba not installed", "–") if jieba_rate is None else (f"{jieba_rate:,.0f}", f"{ours / jieba_rate:.2f}")
    lines.append(f"| {min(EXTRACT_SAMPLE, max(corpus_chars))} | {chars:,} | {ours:,.0f} | {' | '.join(jieba_cells)} |")
    lines += ["", "## Load (read + extract + build + write, one subprocess per load)", "",
              "| store | N | characters | load s | plans/s | peak RSS MB (loader / with workers) | loaded / failed "
              "| extract s | load / extract | COPY floor s (stage + copy, rows) |",
              "|---|---|---|---|---|---|---|---|---|---|"]
    for store, rows in runs.items():
        for n, row in rows.items():
            floor = row.get("floor")
            floor_cell = (f"{floor['stage_s'] + floor['copy_s']:.2f} ({floor['stage_s']:.2f} + {floor['copy_s']:.2f}, "
                          f"{floor['rows']:,})" if floor else "–")
            lines.append(f"| {STORE_NAMES[store]} | {n} | {corpus_chars[n]:,} | {row['seconds']:.2f} | "
                         f"{n / row['seconds']:.1f} | {row['rss_mb']:.0f} / {row['tree_rss_mb']:.0f} | "
                         f"{row['loaded']} / {row['failed']} | {extract_s[n]:.2f} | {row['seconds'] / extract_s[n]:.2f} "
                         f"| {floor_cell} |")
    for store, rows in runs.items():
        sizes = sorted(rows)
        for small, big in zip(sizes, sizes[1:], strict=False):
            lines.append(f"\n{STORE_NAMES[store]}: t({big})/t({small}) = {rows[big]['seconds'] / rows[small]['seconds']:.2f}"
                         f" (linear: {big / small:.0f})")
    names = list(named_queries()) if any("latency" in row for rows in runs.values() for row in rows.values()) else []
    if names:  # not timed with --repeat 0
        lines += ["", "## Named queries, p50 / p95 ms", "",
                  "| store | N | " + " | ".join(names) + " |", "|---" * (2 + len(names)) + "|"]
    for store, rows in runs.items():
        for n, row in rows.items():
            if "latency" in row:
                lines.append(f"| {STORE_NAMES[store]} | {n} | " + " | ".join(_ms(row["latency"][q]) for q in names) + " |")
    for store, rows in runs.items():
        for n, row in rows.items():
            if "viz" in row:
                v = row["viz"]
                lines += ["", f"## Viz focus view ({STORE_NAMES[store]}, N={n}, depth 2)", "",
                          f"{v['total']:.2f} s total = read neighbourhood and select {v['read_view']:.2f} s + "
                          f"render_html {v['render_html']:.2f} s; graph {v['nodes']:,} "
                          f"nodes, view {v['view_nodes']} nodes, page {v['kb']:.0f} KB"]
    return "\n".join(lines) + "\n"


