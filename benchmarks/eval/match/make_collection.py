#!/usr/bin/env python3
"""Builds a test collection for `aligner match` (passage matching across many files), standard library only.

Why: `match` must find, among many unlabelled .txt files, every passage that has a translation somewhere, both
between files and inside a bilingual file. This script makes such a collection, with gold links, from
line-parallel, document-grouped corpora (line k of .en translates line k of .vi; docs TSV: doc_id, first line,
last line, 1-based inclusive).

Each source document becomes one of:
  pair        an English file and a Vietnamese file; each side keeps a contiguous 60-100 % of the document (cut
              independently) and on one side the kept sentences are split into 2-3 passages shown in another order;
  bilingual   one file with both languages (English then Vietnamese, Vietnamese then English, paragraphs
              interleaved, or a Vietnamese teaser above the English article);
  single      one file in one language only; nothing anywhere translates it.
Every file is wrapped in news-page furniture (breadcrumb, byline, date, share/follow line, a related-news heading
with 3-6 headlines, copyright). The headlines come from a few reserved documents (English headlines from one set,
Vietnamese from a disjoint set) whose sentences are used nowhere else, so no furniture has a true partner.

Output (DIR):
  files/fNNNN.txt      the collection (names say nothing about language or partner)
  gold/A__B.json       one gold per (English file, Vietnamese file) holding a link, in the format of
                       ../shared/eval/alignment_eval.py (offsets in UTF-16 code units, end exclusive). Links between
                       the same source line are "sure"; a sentence pair whose texts are a parallel line pair
                       elsewhere in the corpus (e.g. "Thank you." in two TED talks) is "possible".
  manifest.json        which file came from which document, its kind and layout (for debugging and per-kind scores)

Usage: make_collection.py --en dev.en --vi dev.vi --docs dev.docs.tsv [--en2 .. --vi2 .. --docs2 ..]
                          --out DIR --seed N [--max-docs N] [--headline-docs 6]
"""
import argparse, json, os, random, sys, unicodedata


def read_text(path):
    with open(path, encoding="utf-8-sig") as f:
        return f.read()


def u16len(s):
    return len(s.encode("utf-16-le")) // 2


def load_corpus(name, en_path, vi_path, docs_path):
    en = read_text(en_path).split("\n")
    vi = read_text(vi_path).split("\n")
    docs = []
    for row in read_text(docs_path).splitlines()[1:]:
        cols = row.split("\t")
        s, e = int(cols[1]), int(cols[2])
        pairs = [(en[k].strip(), vi[k].strip()) for k in range(s - 1, e)]
        pairs = [p for p in pairs if p[0] and p[1]]
        docs.append({"corpus": name, "id": cols[0], "en": [p[0] for p in pairs], "vi": [p[1] for p in pairs]})
    return docs


# ---------------------------------------------------------------- page furniture

EN_NAMES = ["Sarah Mitchell", "James Carter", "Laura Bennett", "David Okafor", "Emily Zhang", "Tom Hargreaves",
            "Rachel Moore", "Michael Brennan"]
VI_NAMES = ["Nguyễn Văn An", "Trần Thị Mai", "Lê Minh Tuấn", "Phạm Thu Hà", "Hoàng Đức Long", "Vũ Ngọc Lan",
            "Đặng Quốc Bảo", "Bùi Thanh Hương"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
EN_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
VI_DAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]

EN = {
    "crumb": ["Home › World › Europe", "Home / News / Business", "News | Science & Environment",
              "You are here: Home > Technology", "HOME » POLITICS » US", "Sections: World · Sport · Culture"],
    "byline": ["By {name}", "{name} | Reuters", "Written by {name}, staff reporter", "{name}, Associated Press"],
    "date": ["Published {d} {mon} {y}", "Updated: {mon3} {d}, {y} {hh}:{mm} GMT", "{day}, {d} {mon} {y}",
             "{mon} {d}, {y} at {hh}:{mm} a.m. ET"],
    "share": ["Share this article", "Share on Facebook   Share on Twitter   Email", "Follow us on Twitter and Facebook",
              "Share | Tweet | Email | Print", "Sign up for our newsletter"],
    "related": ["Related news", "Related stories", "More on this story", "You may also like", "RELATED ARTICLES"],
    "copyright": ["© {y} The Daily Post. All rights reserved.", "Copyright © {y} World News Network. All rights reserved.",
                  "© {y} Reuters. Reproduction without permission is prohibited.", "All content © {y} Metro Times Ltd."],
    "separator": ["English version", "Read in English", "Original article (English)"],
}
VI = {
    "crumb": ["Trang chủ › Thế giới › Châu Âu", "Trang chủ / Tin tức / Kinh tế", "Thời sự | Khoa học",
              "Bạn đang ở: Trang chủ > Công nghệ", "TRANG CHỦ » CHÍNH TRỊ » QUỐC TẾ", "Chuyên mục: Thế giới · Thể thao · Văn hóa"],
    "byline": ["Theo {name}", "{name} (theo Reuters)", "Bài: {name}", "Phóng viên {name}", "{name} tổng hợp"],
    "date": ["{vday}, {d}/{m}/{y} {hh}:{mm} (GMT+7)", "Cập nhật: {dd}/{mm2}/{y} {hh}:{mm}", "Ngày {d} tháng {m} năm {y}",
             "{hh}:{mm} ngày {dd}/{mm2}/{y}"],
    "share": ["Chia sẻ bài viết", "Chia sẻ Facebook   Tweet   Email", "Theo dõi chúng tôi trên Facebook và Zalo",
              "Thích | Chia sẻ | Bình luận | In bài", "Đăng ký nhận bản tin"],
    "related": ["Tin liên quan", "TIN LIÊN QUAN", "Bài viết liên quan", "Có thể bạn quan tâm", "Tin cùng chuyên mục"],
    "copyright": ["© Bản quyền thuộc về Báo Tin Tức. Ghi rõ nguồn khi phát hành lại thông tin từ website này.",
                  "Copyright © {y} Báo điện tử Thời Sự. Mọi quyền được bảo lưu.",
                  "© {y} Tạp chí Thế Giới Mới. Không sao chép khi chưa được phép.",
                  "Giấy phép số 123/GP-BTTTT. © {y} Tin Nhanh Online."],
    "separator": ["Bản dịch tiếng Việt", "Bản tiếng Việt", "Dịch sang tiếng Việt"],
}


def fill(rng, template, lang):
    d, m = rng.randint(1, 28), rng.randint(1, 12)
    values = {"name": rng.choice(EN_NAMES if lang == "en" else VI_NAMES), "d": d, "m": m, "dd": f"{d:02d}",
              "mm2": f"{m:02d}", "y": rng.choice([2018, 2019, 2020, 2021]), "mon": EN_MONTHS[m - 1],
              "mon3": EN_MONTHS[m - 1][:3], "day": rng.choice(EN_DAYS), "vday": rng.choice(VI_DAYS),
              "hh": f"{rng.randint(6, 22):02d}", "mm": f"{rng.randint(0, 59):02d}"}
    text = template.format(**values)
    return unicodedata.normalize("NFC", text) if lang == "vi" else text


class Page:
    """Accumulates a file's text and the UTF-16 spans of its data sentences."""
    def __init__(self):
        self.text = ""
        self.sents = []          # (lang, doc index, sentence index, text, start, end)

    def block(self, line):
        if self.text:
            self.text += "\n\n"
        self.text += line

    def paragraph(self, lang, doc, items):
        """items: list of (sentence index, text), joined by a space."""
        if self.text:
            self.text += "\n\n"
        for n, (k, s) in enumerate(items):
            if n:
                self.text += " "
            start = u16len(self.text)
            self.text += s
            self.sents.append((lang, doc, k, s, start, u16len(self.text)))


def unfinished(text):
    """A line without final punctuation (a headline, a subheading) stands alone on a page, as it does on the web."""
    return not text.rstrip().endswith(('.', '!', '?', '"', "'", '”', '’', ')', '…', ':', ';'))


def paragraphs(rng, idx, first_alone, *sides):
    """Splits a list of sentence indices into paragraphs of 1-4 sentences; a line without final punctuation ends one."""
    out, i = [], 0
    while i < len(idx):
        n = 1 if (i == 0 and first_alone) else rng.randint(1, 4)
        n = min(n, len(idx) - i)
        for j in range(n - 1):
            if any(unfinished(side[idx[i + j]]) for side in sides):
                n = j + 1
                break
        out.append(idx[i:i + n])
        i += n
    return out


def write_page(rng, lang, body, headlines):
    """body(page) writes the article; furniture is in `lang` (the site's language)."""
    t = EN if lang == "en" else VI
    page = Page()
    page.block(fill(rng, rng.choice(t["crumb"]), lang))
    top = [fill(rng, rng.choice(t["byline"]), lang), fill(rng, rng.choice(t["date"]), lang)]
    rng.shuffle(top)
    share = fill(rng, rng.choice(t["share"]), lang)
    share_top = rng.random() < 0.5
    for line in top:
        page.block(line)
    if share_top:
        page.block(share)
    body(page)
    if not share_top:
        page.block(share)
    page.block(fill(rng, rng.choice(t["related"]), lang))
    for h in rng.sample(headlines, rng.randint(3, 6)):
        page.block(h)
    page.block(fill(rng, rng.choice(t["copyright"]), lang))
    page.text += "\n"
    return page


# ---------------------------------------------------------------- documents to files

def kept_range(rng, n):
    keep = max(1, min(n, round(n * rng.uniform(0.6, 1.0))))
    start = rng.randint(0, n - keep)
    return list(range(start, start + keep))


def shuffled_passages(rng, idx):
    """Cuts idx into 2-3 passages of consecutive sentences and returns them in another order."""
    if len(idx) < 2:
        return [idx]
    k = min(len(idx), rng.choice([2, 3]))
    cuts = sorted(rng.sample(range(1, len(idx)), k - 1))
    chunks = [idx[a:b] for a, b in zip([0] + cuts, cuts + [len(idx)])]
    order = list(range(k))
    while order == sorted(order):
        rng.shuffle(order)
    return [chunks[o] for o in order]


def make_pair(rng, d, di, heads):
    n = len(d["en"])
    keep = {"en": kept_range(rng, n), "vi": kept_range(rng, n)}
    shuffled = rng.choice(["en", "vi"])
    pages = {}
    for lang in ("en", "vi"):
        passages = shuffled_passages(rng, keep[lang]) if lang == shuffled else [keep[lang]]
        def body(page, lang=lang, passages=passages):
            for p in passages:
                for para in paragraphs(rng, p, p[0] == 0, d[lang]):
                    page.paragraph(lang, di, [(k, d[lang][k]) for k in para])
        pages[lang] = write_page(rng, lang, body, heads[lang])
    info = {"kept_en": [keep["en"][0], keep["en"][-1] + 1], "kept_vi": [keep["vi"][0], keep["vi"][-1] + 1],
            "shuffled": shuffled}
    return [("pair", "en", pages["en"], info), ("pair", "vi", pages["vi"], info)]


def make_bilingual(rng, d, di, heads):
    n = len(d["en"])
    layout = rng.choice(["en-then-vi", "vi-then-en", "interleaved", "vi-teaser"])
    site = "vi" if layout in ("en-then-vi", "vi-teaser") or rng.random() < 0.5 else "en"
    idx = list(range(n))

    def run(page, lang, idx):
        for para in paragraphs(rng, idx, idx[0] == 0, d[lang]):
            page.paragraph(lang, di, [(k, d[lang][k]) for k in para])

    def body(page):
        if layout == "interleaved":
            for para in paragraphs(rng, idx, True, d["en"], d["vi"]):
                page.paragraph("en", di, [(k, d["en"][k]) for k in para])
                page.paragraph("vi", di, [(k, d["vi"][k]) for k in para])
        elif layout == "vi-teaser":
            run(page, "vi", idx[:min(n, rng.randint(1, 3))])
            page.block(fill(rng, rng.choice(EN["separator"]), "en"))
            run(page, "en", idx)
        else:
            first, second = ("en", "vi") if layout == "en-then-vi" else ("vi", "en")
            run(page, first, idx)
            t = EN if second == "en" else VI
            page.block(fill(rng, rng.choice(t["separator"]), second))
            run(page, second, idx)
    page = write_page(rng, site, body, heads[site])
    return [("bilingual", "en+vi", page, {"layout": layout, "site": site})]


def make_single(rng, d, di, heads):
    lang = rng.choice(["en", "vi"])
    idx = list(range(len(d["en"])))
    def body(page):
        for para in paragraphs(rng, idx, True, d[lang]):
            page.paragraph(lang, di, [(k, d[lang][k]) for k in para])
    return [("single", lang, write_page(rng, lang, body, heads[lang]), {})]


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--en", required=True); ap.add_argument("--vi", required=True); ap.add_argument("--docs", required=True)
    ap.add_argument("--en2"); ap.add_argument("--vi2"); ap.add_argument("--docs2")
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--max-docs", type=int, default=0, help="use at most N documents (after the headline ones)")
    ap.add_argument("--headline-docs", type=int, default=6,
                    help="documents of the first corpus reserved for related-news headlines (half EN, half VI)")
    a = ap.parse_args()

    rng = random.Random(a.seed)
    first = load_corpus(os.path.basename(os.path.dirname(os.path.abspath(a.en))) or "corpus1", a.en, a.vi, a.docs)
    second = []
    if a.en2:
        if not (a.vi2 and a.docs2):
            sys.exit("--en2 needs --vi2 and --docs2")
        second = load_corpus(os.path.basename(os.path.dirname(os.path.abspath(a.en2))) or "corpus2", a.en2, a.vi2, a.docs2)
    total_docs = len(first) + len(second)

    # Reserve headline documents (first corpus): English headlines from one half, Vietnamese from the other.
    order = list(range(len(first)))
    rng.shuffle(order)
    reserved = [first[i] for i in order[:a.headline_docs]]
    rest = [first[i] for i in sorted(order[a.headline_docs:])] + second
    half = (len(reserved) + 1) // 2
    def pool(docs, lang):
        return [s for d in docs for s in d[lang] if 3 <= len(s.split()) <= 25]
    heads = {"en": pool(reserved[:half], "en"), "vi": pool(reserved[half:], "vi")}
    if len(heads["en"]) < 6 or len(heads["vi"]) < 6:
        sys.exit("too few headlines; raise --headline-docs")

    docs = rest
    if a.max_docs and a.max_docs < len(docs):
        docs = [docs[i] for i in sorted(rng.sample(range(len(docs)), a.max_docs))]
    # Kinds: half pairs, a quarter bilingual, a quarter single, in random order.
    kinds = ["pair"] * ((len(docs) + 1) // 2) + ["bilingual"] * (len(docs) // 4)
    kinds += ["single"] * (len(docs) - len(kinds))
    rng.shuffle(kinds)

    made = []   # (doc index, kind, lang, page, info)
    for di, (d, kind) in enumerate(zip(docs, kinds)):
        maker = {"pair": make_pair, "bilingual": make_bilingual, "single": make_single}[kind]
        for k, lang, page, info in maker(rng, d, di, heads):
            made.append((di, k, lang, page, info))
    numbers = list(range(1, len(made) + 1))
    rng.shuffle(numbers)
    names = [f"f{n:04d}.txt" for n in numbers]

    files_dir, gold_dir = os.path.join(a.out, "files"), os.path.join(a.out, "gold")
    os.makedirs(files_dir, exist_ok=True); os.makedirs(gold_dir, exist_ok=True)
    for old in os.listdir(gold_dir):
        os.remove(os.path.join(gold_dir, old))
    for old in os.listdir(files_dir):
        os.remove(os.path.join(files_dir, old))

    manifest = {"seed": a.seed, "source_docs": total_docs,
                "headline_docs": {"en": [f"{d['corpus']}:{d['id']}" for d in reserved[:half]],
                                  "vi": [f"{d['corpus']}:{d['id']}" for d in reserved[half:]]},
                "docs": len(docs), "files": {}, "gold": []}
    by_doc = {}
    for name, (di, kind, lang, page, info) in zip(names, made):
        with open(os.path.join(files_dir, name), "w", encoding="utf-8", newline="") as f:
            f.write(page.text)
        # Check: the spans slice exactly the data sentences out of the file as read back (UTF-16 offsets).
        back = read_text(os.path.join(files_dir, name))
        u16 = back.encode("utf-16-le")
        for (_, _, _, s, start, end) in page.sents:
            assert u16[2 * start:2 * end].decode("utf-16-le") == s, (name, s)
        by_doc.setdefault(di, []).append(name)
        manifest["files"][name] = {"doc": f"{docs[di]['corpus']}:{docs[di]['id']}", "kind": kind, "lang": lang,
                                   "sentences": len(page.sents), **info}
    for di, group in by_doc.items():
        for name in group:
            manifest["files"][name]["partners"] = [g for g in group if g != name]

    # Gold: for every (English file, Vietnamese file) with a link.
    parallel = {}
    for d in docs:
        for e, v in zip(d["en"], d["vi"]):
            parallel.setdefault(e, set()).add(v)
    en_side = {n: [s for s in p.sents if s[0] == "en"] for n, (_, _, _, p, _) in zip(names, made)}
    vi_side = {n: [s for s in p.sents if s[0] == "vi"] for n, (_, _, _, p, _) in zip(names, made)}
    vi_where = {}
    for n, sents in vi_side.items():
        for j, s in enumerate(sents):
            vi_where.setdefault(s[3], []).append((n, j))
    links = {}
    for en_name, sents in en_side.items():
        for i, s in enumerate(sents):
            for v in parallel.get(s[3], ()):
                for vi_name, j in vi_where.get(v, ()):
                    t = vi_side[vi_name][j]
                    sure = (s[1], s[2]) == (t[1], t[2])
                    links.setdefault((en_name, vi_name), []).append({"en": [i], "vi": [j], "kind": "sure" if sure else "possible"})
    n_sure = 0
    for (en_name, vi_name), ls in sorted(links.items()):
        ls.sort(key=lambda l: (l["en"], l["vi"]))
        kinds_here = {l["kind"] for l in ls}
        gold = {"en_file": en_name, "vi_file": vi_name,
                "en_spans": [[s[4], s[5]] for s in en_side[en_name]],
                "vi_spans": [[s[4], s[5]] for s in vi_side[vi_name]], "links": ls}
        gname = f"{en_name[:-4]}__{vi_name[:-4]}.json"
        with open(os.path.join(gold_dir, gname), "w", encoding="utf-8") as f:
            json.dump(gold, f, ensure_ascii=False)
        kind = "bilingual" if en_name == vi_name else ("pair" if "sure" in kinds_here else "possible-only")
        n_sure += sum(1 for l in ls if l["kind"] == "sure")
        manifest["gold"].append({"gold": gname, "en_file": en_name, "vi_file": vi_name, "kind": kind,
                                 "sure": sum(1 for l in ls if l["kind"] == "sure"),
                                 "possible": sum(1 for l in ls if l["kind"] == "possible")})
    with open(os.path.join(a.out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)

    count = lambda k: sum(1 for m in manifest["files"].values() if m["kind"] == k)
    langs = {l: sum(1 for m in manifest["files"].values() if m["lang"] == l) for l in ("en", "vi", "en+vi")}
    gk = {k: sum(1 for g in manifest["gold"] if g["kind"] == k) for k in ("pair", "bilingual", "possible-only")}
    print(f"{total_docs} source documents: {len(reserved)} reserved for headlines, {len(docs)} used "
          f"({kinds.count('pair')} pair, {kinds.count('bilingual')} bilingual, {kinds.count('single')} single)")
    print(f"{len(made)} files ({count('pair')} pair files, {count('bilingual')} bilingual, {count('single')} single; "
          f"{langs['en']} en, {langs['vi']} vi, {langs['en+vi']} en+vi) in {files_dir}")
    print(f"{len(manifest['gold'])} gold file pairs ({gk['pair']} pair, {gk['bilingual']} bilingual, "
          f"{gk['possible-only']} possible-only), {n_sure} sure links, in {gold_dir}")


if __name__ == "__main__":
    main()
