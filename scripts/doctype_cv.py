"""Does a trained scorer beat the doc-type rules? k-fold cross-validation grouped by kommun.

    python scripts/doctype_cv.py [--folds 5] [--epochs 12] [--seed 0]

Every gold document of the seeds, dev, own and harvest sets is one example (its span's text,
its gold doc_type). A spaCy text classifier (TextCatBOW over words and bigrams; CPU, no
pretrained model, blank Swedish tokenizer) is trained on the kommuner of k-1 folds and tested
on the kommuner of the last, so no kommun is seen in training and test at once. The rules'
accuracy on the same documents is printed beside it. A model is shipped behind the rules only
when it wins; the README reports both figures either way.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

import spacy
from spacy.training import Example

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from build_eval_sets import eval_sets  # noqa: E402

from lofte_extract.extract.metadata import classify_doc_type  # noqa: E402
from lofte_extract.extract.segment import split_documents  # noqa: E402
from lofte_extract.parse import parse_file  # noqa: E402

LABELS = ("lofte", "uppfoljning", "nyhet", "overenskommelse")


def examples() -> list[tuple[str, str, str, str]]:
    """(text, gold doc_type, rules' doc_type, kommun) for every alignable gold document."""
    rows = []
    for eval_set in eval_sets().values():
        for source in eval_set.sources():
            gold_path = eval_set.gold / f"{source.stem}.json"
            if not gold_path.is_file():
                continue
            gold = json.loads(gold_path.read_text(encoding="utf-8"))["documents"]
            doc = parse_file(source)
            spans = split_documents(doc)
            if len(spans) != len(gold):
                continue
            for span, document in zip(spans, gold, strict=True):
                kommun = (document["kommuner"] or ["?"])[0]
                predicted = classify_doc_type(doc, span)
                rows.append(
                    (doc.text[span.start : span.end], document["doc_type"], predicted, kommun)
                )
    return rows


def train(rows: list[tuple[str, str]], epochs: int, seed: int) -> spacy.language.Language:
    """A blank Swedish pipeline with a bag-of-words text classifier trained on rows."""
    spacy.util.fix_random_seed(seed)
    nlp = spacy.blank("sv")
    textcat = nlp.add_pipe(
        "textcat",
        config={
            "model": {
                "@architectures": "spacy.TextCatBOW.v3",
                "exclusive_classes": True,
                "ngram_size": 2,
                "no_output_layer": False,
                "length": 262144,
            }
        },
    )
    for label in LABELS:
        textcat.add_label(label)
    data = [
        Example.from_dict(nlp.make_doc(text), {"cats": {k: float(k == y) for k in LABELS}})
        for text, y in rows
    ]
    optimizer = nlp.initialize(lambda: data)
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(data)
        for start in range(0, len(data), 8):
            nlp.update(data[start : start + 8], sgd=optimizer)
    return nlp


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    rows = examples()
    kommuner = sorted({row[3] for row in rows})
    random.Random(args.seed).shuffle(kommuner)
    fold_of = {k: i % args.folds for i, k in enumerate(kommuner)}
    model_right = rules_right = 0
    for fold in range(args.folds):
        train_rows = [(t, y) for t, y, _, k in rows if fold_of[k] != fold]
        test_rows = [(t, y, r) for t, y, r, k in rows if fold_of[k] == fold]
        nlp = train(train_rows, args.epochs, args.seed)
        for text, gold, rules in test_rows:
            cats = nlp(text).cats
            model_right += max(cats, key=cats.get) == gold
            rules_right += rules == gold
        print(f"fold {fold}: {len(test_rows)} documents")
    total = len(rows)
    print(f"documents {total}, kommuner {len(kommuner)}, folds {args.folds} grouped by kommun")
    print(f"rules   doc_type accuracy {rules_right / total:.3f}")
    print(f"textcat doc_type accuracy {model_right / total:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
