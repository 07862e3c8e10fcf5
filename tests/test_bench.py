"""The benchmark (bench/run.py, `make bench`) pairs each lesson with the floor and keeps the budgets
the lesson standard needs. It is not run here (it takes minutes); its rules are checked."""

import ast
from pathlib import Path

SOURCE = (Path(__file__).resolve().parent.parent / "bench" / "run.py").read_text()
CONSTANTS = {node.targets[0].id: ast.literal_eval(node.value) for node in ast.parse(SOURCE).body
             if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)
             and isinstance(node.value, ast.Constant)}


def test_lessons_are_paired_with_the_floor_five_rounds_after_a_warm_up():
    assert CONSTANTS["NOTEBOOK_ROUNDS"] == 5
    assert "warm-up" in SOURCE and "pair = (floor, path) if round_ % 2 == 0 else (path, floor)" in SOURCE
    assert "ratio_median" in SOURCE


def test_budgets_follow_the_lesson_standard():
    assert CONSTANTS["NOTEBOOK_BUDGET_S"] == 1.0
    assert 'budget = NOTEBOOK_BUDGET_S if name[:2].isdigit() else REFERENCE_BUDGET_S' in SOURCE
    assert CONSTANTS["CALLBACK_P95_BUDGET_S"] == 0.100
