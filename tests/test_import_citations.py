"""What a draft cites as its section: the heading above it, not a figure's caption or a chart's
or table's cells that a PDF's text sets as lines of their own."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.content.taxonomy import load_taxonomy
from indexer.importing.importer import find_items
from indexer.importing.reading import read_document

TAXONOMY = load_taxonomy(Path(__file__).resolve().parent.parent / "content" / "taxonomy.yaml")

CHART_EN = """Partnerships with local authorities

The project worked with twelve district administrations and four ministries over the period,
and the partnerships held through the change of government in the second year.

Figure 2
Partners by type and share of the budget

Donor        45%
Total 182 162 38
Headquarters   Field   Overall

Within the project I understand my role            74   67   70
Within the project coordination is sufficient      61   50   54

Source: project records (2023).

Recommendation 1. The project team should sign a memorandum with each district administration
before the second phase begins, so that the partnerships do not depend on persons.

Recommendation 2. The ministries should name a focal point for the project in each district.
"""

CHART_RU = """Партнёрство с местными органами власти

Проект работал с двенадцатью районными администрациями и четырьмя министерствами, и
партнёрство сохранилось после смены правительства на втором году.

Таблица 3
Партнёры по типу и доля бюджета

Доноры        45%
Всего 182 162 38

Рекомендация 1. Команде проекта следует подписать меморандум с каждой районной
администрацией до начала второй фазы, чтобы партнёрство не зависело от отдельных людей.

Рекомендация 2. Министерствам следует назначить контактное лицо проекта в каждом районе.
"""


@pytest.mark.parametrize("text, heading", [(CHART_EN, "Partnerships with local authorities"),
                                           (CHART_RU, "Партнёрство с местными органами власти")])
def test_a_chart_between_heading_and_items_is_not_what_they_cite(tmp_path, text, heading):
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    items, _ = find_items(read_document(path), TAXONOMY)
    assert [item.body.split()[:3] for item in items] == [text.split("1. ")[1].split()[:3],
                                                         text.split("2. ")[1].split()[:3]]
    assert [item.section for item in items] == [heading, heading]


def test_a_heading_over_a_paragraph_is_cited(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(CHART_EN.replace("Figure 2\nPartners by type and share of the budget\n\n", "")
                    .replace("Source: project records (2023).", "Sustainability of the partnerships\n\n"
                             "The district administrations have kept the project's working groups going."),
                    encoding="utf-8")
    items, _ = find_items(read_document(path), TAXONOMY)
    assert [item.section for item in items] == ["Sustainability of the partnerships"] * 2
