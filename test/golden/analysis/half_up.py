"""Half-up rounding of an exact Fraction to a decimal text, for the reference scripts of this folder
(merge-reference.py, alternative-reference.py): ties away from zero, as the spec rounds (the values here
are never negative)."""


def half_up(value, places=4):
    scaled = value * (10 ** places)
    whole = scaled.numerator // scaled.denominator
    if (scaled - whole) * 2 >= 1:
        whole += 1
    text = str(whole).rjust(places + 1, "0")
    return f"{text[:-places]}.{text[-places:]}"
