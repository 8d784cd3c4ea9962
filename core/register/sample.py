"""A generated register, for benchmarks and demonstrations (deterministic)."""
from __future__ import annotations

import random
from datetime import date, timedelta

from .choices import applicant_keys, result_keys
from .request import CHANNELS, Request


def generated_requests(n: int, year: int, form_key: str, seed: int = 17) -> list[Request]:
    """n requests received from 1 December of the year before through the year;
    93 % answered 3 to 30 calendar days after receipt (so a few percent late),
    the rest still open."""
    rng = random.Random(seed)
    cols = sorted(applicant_keys(form_key))
    results = sorted(result_keys(form_key))
    start = date(year - 1, 12, 1)
    span = (date(year, 12, 31) - start).days
    out = []
    for i in range(n):
        received = start + timedelta(days=rng.randrange(span))
        answered = received + timedelta(days=rng.randrange(3, 31)) if rng.random() < 0.93 else None
        out.append(Request(
            number=f"{year}-{i + 1:05d}", received=received, channel=rng.choice(CHANNELS),
            applicant_type=rng.choice(cols), applicant=f"申请人{i + 1}", content=f"关于第{i % 97}号地块的规划许可信息",
            answered=answered, result=rng.choice(results) if answered else ""))
    return out
