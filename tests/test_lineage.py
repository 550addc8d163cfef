"""Lineage: a body's later documents follow up its earlier commitments (TRACKS), on both stores."""

from __future__ import annotations

import pytest
from pledgegraph.graph.lineage import Mention, find_links, link_lineage
from pledgegraph.loaders.build import build_graph
from pledgegraph.loaders.extract import extract_file
from pledgegraph.pipeline import load_paths
from pledgegraph.queries.run import progress_line, status

PLAN, REPORT = "000_73f4434357c97757.txt", "001_de653793ed115d8b.txt"
TRACKS = ("MATCH (p1:Plan)-[:CONTAINS]->(later:Commitment)-[t:TRACKS]->(earlier:Commitment)<-[:CONTAINS]-(p0:Plan) "
          "RETURN p1.doc AS later_doc, p0.doc AS earlier_doc, t.status AS status, t.evidence AS evidence, "
          "earlier.text AS earlier_text, t.doc AS doc ORDER BY evidence, earlier_text")


def _mention(commitment, doc, year, stage=0, issuer="body:A", text="", projects=None):
    return Mention(commitment, doc, issuer, year, stage, text, "planned", (0, 1),
                   {pid: (names, "completed", f"{names[0]} done", (0, 1)) for pid, names in (projects or {}).items()})


def test_a_later_document_tracks_the_earlier_one_through_a_shared_project():
    plan = _mention("c0", "plan.txt", 2023, projects={"p:1": ("滨河大道越江隧道",)})
    report = _mention("c1", "report.txt", 2023, stage=1, projects={"p:1": ("滨河大道越江隧道",)})
    [link] = find_links([report, plan])
    assert (link.later, link.earlier, link.doc, link.status) == ("c1", "c0", "report.txt", "completed")


def test_a_shorter_name_inside_a_longer_one_is_the_same_project_but_short_names_are_not():
    plan = _mention("c0", "plan.txt", 2023, projects={"p:1": ("庞家祠堂",), "p:2": ("公园",)})
    report = _mention("c1", "report.txt", 2023, stage=1, projects={"p:3": ("庞家祠堂迁移工程",), "p:4": ("陈行公园",)})
    assert [(link.later, link.earlier, link.evidence) for link in find_links([plan, report])] == \
        [("c1", "c0", "庞家祠堂迁移工程 done")]


def test_a_restated_task_is_tracked_by_its_text_when_no_project_joins_them():
    text = "新增养老床位60张,建成社区长者食堂2家,完善助餐服务网络。"
    plan = _mention("c0", "2023.txt", 2023, text=text)
    next_year = _mention("c1", "2024.txt", 2024, text=text.replace("60", "80"))
    unrelated = _mention("c2", "2024.txt", 2024, text="深化一网通办改革,推进政务服务标准化。")
    assert [(link.later, link.earlier) for link in find_links([plan, next_year, unrelated])] == [("c1", "c0")]


def test_no_link_across_bodies_or_between_documents_of_the_same_moment():
    a = _mention("c0", "a.txt", 2023, issuer="body:A", projects={"p:1": ("滨河大道越江隧道",)})
    b = _mention("c1", "b.txt", 2023, stage=1, issuer="body:B", projects={"p:1": ("滨河大道越江隧道",)})
    twin = _mention("c2", "a2.txt", 2023, issuer="body:A", projects={"p:1": ("滨河大道越江隧道",)})
    assert find_links([a, b, twin]) == []


@pytest.fixture
def plan_and_report(store, shared, tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    for name in (PLAN, REPORT, "002_89ebb7b4fe2e92fd.txt"):  # 002: another body, never linked to them
        (folder / name).write_bytes((shared / "seeds" / name).read_bytes())
    report = load_paths(store, [folder])
    assert not report.failed and report.links > 0
    return store, folder


def _tracks(store):
    return store.query(TRACKS).records()


def test_the_mid_year_report_tracks_the_plan_for_what_it_reports_completed(plan_and_report):
    store, _ = plan_and_report
    links = _tracks(store)
    assert links and all((row["later_doc"], row["earlier_doc"], row["doc"]) == (REPORT, PLAN, REPORT) for row in links)
    completed = {(row["evidence"], row["earlier_text"]) for row in links if row["status"] == "completed"}
    # The report says the relocation is done and the civilised-district title is kept; the plan
    # promised both.
    assert any("庞家南荫堂迁移工程" in later and "庞家南荫堂" in earlier for later, earlier in completed)
    assert any("全国文明城区" in later and "全国文明城区" in earlier for later, earlier in completed)


def test_status_shows_the_timeline_from_plan_to_report(plan_and_report):
    store, _ = plan_and_report
    timeline = status(store, "庞家南荫堂")
    rows = timeline.records()
    assert [(row["document"], row["status"]) for row in rows] == [(PLAN, "planned"), (REPORT, "completed")]
    assert "庞家南荫堂" in rows[0]["evidence"] and "完成庞家南荫堂迁移工程" in rows[1]["evidence"]
    assert progress_line(timeline) == f"planned (work_plan {PLAN}) → completed (midyear_report {REPORT})"


def test_links_survive_reloads_and_go_with_either_document(plan_and_report):
    store, folder = plan_and_report
    before = _tracks(store)
    load_paths(store, [folder], force=True)
    assert _tracks(store) == before
    store.remove(REPORT)
    assert _tracks(store) == []
    load_paths(store, [folder])
    assert _tracks(store) == before
    store.remove(PLAN)
    assert _tracks(store) == []


def test_a_load_killed_before_linking_is_linked_by_the_next_load(store, shared, tmp_path):
    # Written but not linked: what a load killed between its write and its linking leaves.
    for name in (PLAN, REPORT):
        store.write(build_graph(extract_file(shared / "seeds" / name)))
    assert _tracks(store) == []
    assert link_lineage(store) > 0
    made = _tracks(store)
    assert made and link_lineage(store) == 0  # nothing left unlinked
    assert _tracks(store) == made


def test_the_status_command_prints_the_timeline_and_the_path(shared, tmp_path):
    from click.testing import CliRunner
    from pledgegraph.cli import cli

    db = str(tmp_path / "graph.db")
    seeds = [str(shared / "seeds" / name) for name in (PLAN, REPORT)]
    assert CliRunner().invoke(cli, ["load", *seeds, "--db", db]).exit_code == 0
    result = CliRunner().invoke(cli, ["status", "庞家南荫堂", "--db", db])
    assert result.exit_code == 0, result.output
    assert "完成庞家南荫堂迁移工程" in result.output
    assert result.output.rstrip().endswith(f"planned (work_plan {PLAN}) → completed (midyear_report {REPORT})")
    missing = CliRunner().invoke(cli, ["status", "不存在的工程名称", "--db", db])
    assert missing.exit_code != 0 and "no project named like" in missing.output


def test_a_body_whose_plans_fall_at_one_time_is_not_read_and_small_chunks_link_the_same(plan_and_report, monkeypatch):
    from pledgegraph.graph import lineage

    store, _ = plan_and_report
    before = _tracks(store)
    issuers = [row[0] for row in store.query("MATCH (b:Body)-[:ISSUED]->(:Plan) RETURN DISTINCT b.id ORDER BY b.id").rows]
    chunks = lineage._chunks(store, issuers)
    # The plan and its mid-year report are two times of one body; 002's body has one plan.
    assert sorted(linkable for _, linkable in chunks) == [False, True]
    assert sorted(issuer for chunk, _ in chunks for issuer in chunk) == issuers
    monkeypatch.setattr(lineage, "PLANS_PER_TRANSACTION", 1)
    monkeypatch.setattr(lineage, "ISSUERS_PER_TRANSACTION", 1)
    store.execute_plan([("MATCH (p:Plan) SET p.linked = NULL", {})])
    assert link_lineage(store) == len(before)
    assert _tracks(store) == before
