#!/usr/bin/env python3
"""Mines English-Vietnamese term pairs from parenthetical translations in Vietnamese Wikipedia.

Wikipedia writes "Tổ chức Y tế Thế giới (tiếng Anh: World Health Organization, WHO)": the English term inside the
parenthesis (after an optional "tiếng Anh:" / "Anh:") translates the Vietnamese term just before it. The English
term is the first segment inside (up to a comma, semicolon, dash or "hay"/"or"); the hard part is where the
Vietnamese term starts, chosen from the English term's shape:

- title case ("World Health Organization"): the run of syllables that starts with a capital and ends at the
  parenthesis, lower-case syllables inside allowed ("Tổ chức Y tế Thế giới"), bounded by punctuation, a word that
  never starts a name ("là", "gọi", "hay", sentence-initial "Sau", ...) or 1-2.5 syllables per English word, with
  no more capitalised syllables than the English has capitalised words plus one; when no boundary is reached, the
  syllable before the start must be lower-case (so a name is never cut in the middle);
- lower case ("intangible cultural heritage"): only when such a boundary lies 1-2.5 syllables per English word
  back (quotes, punctuation, "là", "gọi là", ...).

Pairs whose inside is not English are dropped: digits (years, dates), abbreviations only ("WHO"), another language
named ("tiếng Pháp:", "Latinh"), Romance/Germanic function words ("de", "la", "von"), or fewer than half of the
words found in an English vocabulary (the English sides of the other lexicon corpora and dictionaries, given as
arguments), which drops Latin species names ("Panthera leo"). Each English term (case-folded) keeps its most
frequent Vietnamese form if that form has at least half of its occurrences (consistent form), else it is dropped.

Usage: wiki-terms.py --vocab EN_FILE [--vocab EN_FILE...] WIKI.vi[.gz]... > terms.tsv   (english<TAB>vietnamese<TAB>count)
`wiki-terms.py --self-test` checks the boundary rules on a few examples. Standard library only. The output is training data: never commit it (it is derived from CC BY-SA text).
"""
import argparse
import collections
import gzip
import math
import re
import sys
import unicodedata

PAREN = re.compile(r"\(([^()]{1,160})[()]")
VI_LETTER = re.compile(r"[^\x00-\x7F]")
EN_TOKEN = re.compile(r"^[A-Za-z][A-Za-z'’\-&.]*$")
PREFIX = re.compile(r"^\s*(?:(?:trong\s+)?tiếng\s+Anh|Anh|English|Eng\.?)\s*(?::|là|-|–)?\s*", re.IGNORECASE)
OTHER_LANGUAGE = re.compile(
    r"^\s*(?:tiếng|chữ|Hán|Hán-Việt|Hán Việt|Latinh|Latin|Pháp|Đức|Nga|Nhật|Trung|Hoa|Tây Ban Nha|Bồ Đào Nha|Ý|"
    r"Hy Lạp|Ả Rập|Hàn|Triều Tiên|Thái|Lào|Khmer|Phạn|French|German|Latin|Spanish|Italian|Greek|Russian|Chinese|"
    r"Japanese|sinh|mất|năm|tức|nghĩa|viết tắt|phiên âm|nguyên văn|danh pháp|số|khoảng|thế kỷ)\b", re.IGNORECASE)
SEGMENT_END = re.compile(r"\s*(?:[,;:/]|\s[-–—]\s|\s(?:hay|hoặc|or|viết tắt|gọi tắt|nghĩa là|tức là|còn)\s).*$",
                         re.IGNORECASE)
FOREIGN = {"de", "la", "le", "les", "du", "des", "et", "el", "los", "las", "del", "y", "der", "die", "das", "und",
           "von", "van", "di", "della", "da", "dos", "au", "aux", "sur", "pour", "il", "est", "une", "un", "ist",
           "im", "zu", "mit", "al", "bin", "ibn", "ul", "us", "ae", "et", "non", "sp", "spp", "var", "subsp"}
EN_FUNCTION = {"of", "the", "and", "for", "in", "on", "to", "a", "an", "at", "by", "with", "from", "&", "or", "as",
               "into", "over", "under", "upon", "against", "between", "without", "within", "per", "via"}
# Lower-case Vietnamese words that end a term on its left (never the first word of a term before a parenthesis).
VI_STOP = {"là", "hay", "hoặc", "gọi", "tên", "tức", "được", "như", "bởi", "với", "theo", "tại", "ở", "sau", "khi",
           "từ", "do", "vì", "nhưng", "cho", "về", "thuộc", "này", "đó", "đây", "nên", "mà", "thì", "có", "đã", "sẽ",
           "đang", "bị", "rằng", "vào", "ra", "lên", "xuống", "trên", "dưới", "giữa", "qua", "bằng", "nhằm", "để",
           "cũng", "vẫn", "đều", "chỉ", "rất", "nhất", "hơn", "lại", "làm", "trở", "thành", "gồm", "bao", "kể",
           "chính", "tiếng", "chữ", "nghĩa", "viết", "dịch", "ông", "bà", "anh", "chị", "họ", "nó", "chúng",
           "người", "năm", "tháng", "ngày", "thế", "kỷ", "một", "các", "những", "mọi", "mỗi", "nhiều", "hai", "ba",
           "trong", "ngoài", "và", "của", "vụ", "sự", "việc", "loại", "dạng", "kiểu"}
# Of these, the ones that end a title-case term too (a lower-case word inside a name is otherwise allowed).
VI_STRONG_STOP = {"là", "hay", "hoặc", "gọi", "tên", "tức", "được", "như", "bởi", "khi", "nhưng", "đã", "sẽ", "đang",
                  "bị", "rằng", "mà", "thì", "nên", "cũng", "vẫn", "đều", "tiếng", "chữ", "nghĩa", "viết", "dịch"}
# Of these, the ones that may stand inside a title-case term ("Cộng đồng các Quốc gia Độc lập", "Ngày Lương thực").
VI_INSIDE_TITLE = {"các", "những", "thế", "chính", "người", "ngày", "năm", "tháng", "một", "hai", "ba", "nhiều",
                   "tiếng", "chữ", "trên", "giữa", "dưới", "có", "thành", "bao", "lại", "làm", "anh"}
QUOTES = "\"“”‘’'«»„"
HARD = set(".,;:!?()[]{}…–—-") | set(QUOTES)


def is_cap(token):
    return token[:1].isupper()


def known_share(words, vocab):
    content = [w for w in words if w.lower() not in EN_FUNCTION]
    if not content:
        return 0.0
    return sum(1 for w in content if w.lower().strip(".'’") in vocab) / len(content)


def english_term(inside):
    """The English term of a parenthesis, or None when the inside is not an English term."""
    text = unicodedata.normalize("NFC", inside).strip()
    prefixed = PREFIX.match(text)
    prefixed = prefixed if prefixed and prefixed.end() > 0 else None
    if prefixed and text[:prefixed.end()].strip().lower().startswith(("tiếng", "anh", "eng")):
        text = text[prefixed.end():]
    elif OTHER_LANGUAGE.match(text):
        return None
    text = SEGMENT_END.sub("", text).strip().strip(QUOTES).strip()
    words = text.split()
    if not words or len(words) > 8:
        return None
    if any(not EN_TOKEN.match(w) for w in words):
        return None  # digits (years, dates), non-ASCII letters (French, Vietnamese), symbols
    if all(w.isupper() or w.lower() in EN_FUNCTION for w in words):
        return None  # abbreviations only ("WHO", "UN")
    if any(w.lower() in FOREIGN for w in words):
        return None
    content = [w for w in words if w.lower() not in EN_FUNCTION]
    if len(content) == 1 and is_cap(content[0]) and not prefixed:
        return None  # "Ljubljana (Slovenia)", "Colombo (Sri Lanka)": a place qualifier, not a translation
    return words


def boundary_before(tokens, i):
    """True when the term cannot extend left of tokens[i] (line start or punctuation)."""
    return i == 0 or tokens[i - 1][-1:] in HARD or tokens[i - 1] in HARD


def sentence_start(tokens, i):
    return i == 0 or tokens[i - 1][-1:] in ".!?:…"


def vietnamese_term(before, en_words):
    """The Vietnamese term that ends at the parenthesis, or None when its start is unclear."""
    tokens = before.split()
    if len(tokens) >= 3 and tokens[-1].isupper() and tokens[-2].lower() == "tắt":
        tokens = tokens[:-3]  # "Tổ chức Y tế Thế giới viết tắt WHO (tiếng Anh: World Health Organization)"
    if not tokens:
        return None
    trailing_quote = tokens[-1][-1:] in QUOTES
    tokens[-1] = tokens[-1].rstrip(QUOTES)
    if not tokens[-1] or tokens[-1][-1:] in HARD:
        return None
    content = [w for w in en_words if w.lower() not in EN_FUNCTION]
    n_min = max(1, len(content))
    n_max = math.ceil(2.5 * len(content)) + (len(en_words) - len(content))
    title = all(is_cap(w) for w in content)
    en_caps = sum(1 for w in content if is_cap(w))
    end = len(tokens)
    best = None
    caps = 0
    for n in range(1, min(n_max, end) + 1):
        i = end - n
        token = tokens[i]
        opens_quote = token[:1] in QUOTES
        word = token.strip(QUOTES)
        if not word or any(c in HARD or c.isdigit() for c in word):
            break
        lower = word.lower()
        capital = is_cap(word)
        starts_sentence = sentence_start(tokens, i)
        if starts_sentence and capital and lower in VI_STOP and not (title and lower in VI_INSIDE_TITLE):
            break  # "Sau", "Theo", "Trong" opening the sentence
        if not capital and lower in (VI_STRONG_STOP if title else VI_STOP):
            break
        if title:
            caps += capital
            if caps > en_caps + 1:
                break
            if capital and n >= n_min:
                closed = opens_quote or boundary_before(tokens, i) or not is_cap(tokens[i - 1].strip(QUOTES))
                if closed:
                    best = (i, n)
        else:
            if capital and not starts_sentence:
                break
            closed = opens_quote or boundary_before(tokens, i) or (tokens[i - 1].lower() in VI_STOP)
            if closed and n >= n_min:
                best = (i, n)
                break
        if opens_quote or boundary_before(tokens, i):
            break
    if best is None:
        return None
    i, n = best
    if title and trailing_quote and not tokens[i][:1] in QUOTES:
        return None
    words = [t.strip(QUOTES) for t in tokens[i:]]
    if not title and not trailing_quote and tokens[i][:1] in QUOTES:
        return None
    return words


EXAMPLES = [  # (text before the parenthesis, inside, expected English, expected Vietnamese or None)
    ("Năm 1948, Tổ chức Y tế Thế giới viết tắt WHO", "tiếng Anh: World Health Organization",
     "World Health Organization", "Tổ chức Y tế Thế giới"),
    ("Ông được bầu vào Quốc hội", "National Assembly", "National Assembly", "Quốc hội"),
    ("được gọi là Thế vận hội Paralympic", "Paralympic Games", "Paralympic Games", "Thế vận hội Paralympic"),
    ("Sau khi Ngân hàng Thế giới", "World Bank", "World Bank", "Ngân hàng Thế giới"),
    ("bảo vệ quyền sở hữu trí tuệ", "intellectual property", "intellectual property", None),
    ("được gọi là sở hữu trí tuệ", "intellectual property", "intellectual property", "sở hữu trí tuệ"),
    ("Sư tử", "Panthera leo", "Panthera leo", "Sư tử"),  # dropped later: "panthera", "leo" are not English words
    ("Colombo", "Sri Lanka", "Sri Lanka", None),  # one syllable for two English words
    ("Colombo", "Ceylon", None, None),  # a single capitalised word without "tiếng Anh:"
    ("ra đời", "1945", None, None),
    ("Liên Hợp Quốc", "UN", None, None),
    ("Chiến tranh", "tiếng Pháp: Guerre de la Conquête", None, None),
]


def self_test():
    """Checks the boundary rules on EXAMPLES (the vocabulary check is left out); exits 1 on a failure."""
    failures = 0
    for before, inside, want_en, want_vi in EXAMPLES:
        en = english_term(inside)
        vi = vietnamese_term(before + " ", en) if en else None
        got = (" ".join(en) if en else None, " ".join(vi) if vi else None)
        if got != (want_en, want_vi):
            failures += 1
            print(f"FAIL {before!r} ({inside}): got {got}, want {(want_en, want_vi)}", file=sys.stderr)
    print(f"{len(EXAMPLES) - failures}/{len(EXAMPLES)} examples pass", file=sys.stderr)
    return 1 if failures else 0


def main():
    if sys.argv[1:] == ["--self-test"]:
        sys.exit(self_test())
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--vocab", action="append", required=True, help="English text file (.gz allowed), one per --vocab")
    parser.add_argument("wiki", nargs="+", help="Vietnamese Wikipedia text, one paragraph or sentence a line")
    parser.add_argument("--min-known", type=float, default=0.5, help="share of English content words in the vocabulary")
    parser.add_argument("--vietnamese-count", type=int, default=20,
                        help="an unaccented word seen this often beside accented words is Vietnamese, not English")
    parser.add_argument("--all", action="store_true", help="print every occurrence (line number, term pair) instead")
    args = parser.parse_args()

    vocab = set()
    for path in args.vocab:
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8", errors="replace") as f:
            for line in f:
                vocab.update(w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", line))

    occurrences = []
    ascii_counts = collections.Counter()  # (lower-case unaccented word, beside an accented one): "nam", "heo", "tai"
    for path in args.wiki:
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8", errors="replace") as f:
            for number, line in enumerate(f, 1):
                words = line.split()
                for k, w in enumerate(words):
                    if w.isascii() and w.isalpha() and w.islower():
                        beside = (k > 0 and not words[k - 1].isascii()) or (k + 1 < len(words) and not words[k + 1].isascii())
                        ascii_counts[w, beside] += 1
                if "(" not in line:
                    continue
                line = unicodedata.normalize("NFC", line)
                for m in PAREN.finditer(line):
                    en = english_term(m.group(1))
                    if en is None or known_share(en, vocab) < args.min_known:
                        continue
                    vi = vietnamese_term(line[:m.start()], en)
                    if vi is None or not any(VI_LETTER.search(w) for w in vi):
                        continue  # a Vietnamese term has a Vietnamese letter ("Caracas (Venezuela)" is no pair)
                    vi_lower = {w.lower() for w in vi}
                    if sum(1 for w in en if w.lower() in vi_lower) * 2 > len(en):
                        continue  # mostly the same words: a name kept in English, not a translation
                    occurrences.append((f"{path}:{number}", " ".join(en), " ".join(vi)))
    # A lower-case unaccented word is a Vietnamese syllable when it is common and mostly stands beside accented words.
    vietnamese = {w for (w, beside), count in ascii_counts.items()
                  if beside and count >= args.vietnamese_count and count >= 2 * ascii_counts[w, False]} - EN_FUNCTION
    pairs = collections.defaultdict(collections.Counter)
    for where, en_text, vi_text in occurrences:
        content = [w.lower() for w in en_text.split() if w.lower() not in EN_FUNCTION]
        if any(w in vietnamese for w in content) or max(len(w) for w in content) < 3:
            continue  # a Vietnamese syllable inside ("Nam Phi", "khoai lang") or letters only
        if args.all:
            print(f"{where}\t{en_text}\t{vi_text}")
        pairs[en_text.lower()][(en_text, vi_text)] += 1
    if args.all:
        return
    for key in sorted(pairs):
        forms = pairs[key]
        by_vi = collections.Counter()
        for (en_text, vi_text), count in forms.items():
            by_vi[vi_text.lower()] += count
        total = sum(by_vi.values())
        vi_best, count = by_vi.most_common(1)[0]
        if count * 2 < total:
            continue  # no consistent Vietnamese form
        en_text, vi_text = max((k for k in forms if k[1].lower() == vi_best), key=lambda k: forms[k])
        print(f"{en_text}\t{vi_text}\t{count}")


if __name__ == "__main__":
    main()
