#!/usr/bin/env python3
"""Writes N generated news articles as JSON Lines (the `dateline extract` input format) for the
`dateline serve` benchmark: templates written for this project, filled with cities, actors,
counts and dates drawn from a seeded generator, so every article's text (and so its store key)
is distinct. Usage: make_corpus.py N > corpus.jsonl"""
import json
import random
import sys

CITIES = ["Aleppo", "Homs", "Kharkiv", "Nairobi", "Manila", "Geneva", "Kabul", "Mosul", "Gaza",
          "Khartoum", "Bamako", "Mogadishu", "Lagos", "Caracas", "Bogota", "Karachi", "Dhaka",
          "Yangon", "Tripoli", "Sanaa", "Aden", "Goma", "Juba", "Beirut", "Baghdad", "Idlib"]
FORCES = ["Government forces", "Rebel fighters", "Police", "Soldiers", "Militants",
          "Security forces", "Army troops", "Gunmen"]
COUNTRIES = ["France", "Germany", "Kenya", "Japan", "Turkey", "Egypt", "Brazil", "India",
             "Nigeria", "Russia", "China", "Qatar"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
TEMPLATES = [
    "{force} shelled a market in {city} on {day}, killing {n} civilians, local medics said. "
    "Residents accused the army of targeting homes.",
    "{force} fired tear gas at protesters in {city} on {day}. Hundreds of demonstrators marched "
    "against new taxes, and at least {n} people were arrested, witnesses said.",
    "Diplomats from {c1} and {c2} met in {city} on {day} to discuss a new trade agreement. "
    "The talks will continue next week, officials said.",
    "The Red Cross delivered food and medicine to flood victims in {city} on {day}. {c1} "
    "pledged to send more aid next month.",
    "{force} launched a rocket attack on {city} on {day}, killing {n} people, officials said. "
    "The president of {c1} condemned the attack.",
    "{force} clashed with rebels near {city} on {day} and killed {n} fighters, a monitor said. "
    "The ministry of {c1} denied that its troops had crossed the border.",
]


def main():
    n = int(sys.argv[1])
    rnd = random.Random(20240301)
    out = sys.stdout
    for i in range(n):
        city = rnd.choice(CITIES)
        c1, c2 = rnd.sample(COUNTRIES, 2)
        body = rnd.choice(TEMPLATES).format(
            force=rnd.choice(FORCES), city=city, day=rnd.choice(DAYS), n=rnd.randint(2, 60),
            c1=c1, c2=c2)
        year = 2022 + rnd.randint(0, 2)
        published = f"{year}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
        title = f"Report {i} from {city}"
        rec = {"id": f"bench-{i}", "published": published, "source": f"Outlet {i % 40}",
               "title": title, "text": f"{title}\n\n{body}"}
        out.write(json.dumps(rec) + "\n")


if __name__ == "__main__":
    main()
