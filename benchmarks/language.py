"""Where the English test of :mod:`repairkit.language` draws its line: the share of letters in
common English words, on English articles (clean and damaged by every profile) and on
non-English prose samples.

The threshold :data:`repairkit.language.MIN_ENGLISH_SHARE` was set on the even half of the
corpora; the odd half is printed as held out. Run: ``python -m benchmarks.language``.

>>> from repairkit.language import english_share
>>> all(english_share(text) < 0.5 for text in SAMPLES.values())
True
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from benchmarks.damage import PROFILES, damage
from repairkit.language import MIN_ENGLISH_SHARE, english_share

CORPORA = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"

#: Prose written for this benchmark (news-like sentences, some with the damage the issue shows).
SAMPLES = {
    "de": "Die Bundesregierung hat am Montag neue Zahlen zur Arbeitslosigkeit vorgelegt. Rund  Prozent der "
          "Erwerbstätigen waren im vergangenen Monat ohne Arbeit, teilte das Ministerium in Berlin mit. Die "
          "Gewerkschaften fordern seit langem höhere Löhne und bessere Bedingungen für junge Menschen, die nach "
          "der Ausbildung keine feste Stelle finden. Viele Unternehmen fuhren ihre Produktion im Sommer zurück.",
    "fr": "Le gouvernement a présenté lundi de nouveaux chiffres sur le chômage. Environ  pour cent des actifs "
          "étaient sans emploi le mois dernier, a indiqué le ministère à Paris. Les syndicats réclament depuis "
          "longtemps des salaires plus élevés et de meilleures conditions pour les jeunes qui ne trouvent pas de "
          "poste stable après leur formation. Les négociations reprendront à l'automne, selon un porte-parole.",
    "es": "El Gobierno presentó el lunes nuevas cifras sobre el desempleo. Alrededor del  por ciento de la "
          "población activa estaba sin trabajo el mes pasado, informó el ministerio en Madrid. Los sindicatos "
          "reclaman desde hace tiempo salarios más altos y mejores condiciones para los jóvenes que no encuentran "
          "un puesto estable después de su formación. Las negociaciones continuarán en otoño, dijo un portavoz.",
    "nl": "De regering heeft maandag nieuwe cijfers over de werkloosheid gepresenteerd. Ongeveer  procent van de "
          "beroepsbevolking was vorige maand zonder werk, meldde het ministerie in Den Haag. De vakbonden eisen "
          "al lang hogere lonen en betere voorwaarden voor jongeren die na hun opleiding geen vaste baan vinden.",
    "ru": "В  году правительство представило новые данные о безработице. Около  процентов работников остались "
          "без работы в прошлом месяце, сообщило министерство в Москве. Профсоюзы давно требуют повышения зарплат "
          "и лучших условий для молодых людей, которые не могут найти постоянную работу после учёбы.",
    "zh": "年月日，政府公布了新的失业数据。上个月约有的劳动人口没有工作，部长在北京表示。工会长期以来一直要求提高"
          "工资，并为毕业后找不到稳定工作的年轻人改善条件。谈判将于秋季继续进行，一位发言人说。",
}


def _quantiles(values: list[float]) -> str:
    v = sorted(values)
    return f"min {v[0]:.3f}  p1 {v[len(v) // 100]:.3f}  median {v[len(v) // 2]:.3f}  (n={len(v)})"


def main(argv: list[str] | None = None) -> None:
    """Print the English share per corpus half and damage profile, and of the samples."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="articles per corpus (default: all)")
    args = parser.parse_args(argv)
    print(f"threshold MIN_ENGLISH_SHARE = {MIN_ENGLISH_SHARE}")
    for name in ("news", "speeches"):
        lines = (CORPORA / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()[:args.limit]
        rows = [json.loads(line) for line in lines]
        for half, part in (("even (tuning)", rows[0::2]), ("odd (held out)", rows[1::2])):
            print(f"{name} {half}: clean {_quantiles([english_share(r['text']) for r in part])}")
            worst = min(((p, min(english_share(damage(r["text"], p).text) for r in part)) for p in PROFILES),
                        key=lambda pair: pair[1])
            print(f"{name} {half}: damaged, lowest over profiles: {worst[1]:.3f} ({worst[0]})")
    for lang, text in SAMPLES.items():
        print(f"sample {lang}: {english_share(text):.3f}")


if __name__ == "__main__":
    main()
