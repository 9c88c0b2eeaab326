"""The password rule, one for every place a password is set, and the hashing behind it.

Length first, before any work: a 10 MB paste is refused by counting, never hashed or
scored. Then zxcvbn (Dropbox's estimator, offline, with its own word lists) with the
person's username and name as words it should know: "password12", "aaaaaaaaaa" and a
password that is the username are refused with its advice in plain words.
"""

from __future__ import annotations

from collections.abc import Iterable

import bcrypt
from zxcvbn import zxcvbn

from i18n import ENGLISH, _, current
from services.core.errors import ValidationError

PASSWORD_MIN = 10
PASSWORD_FIELD_MAX = 200
"""Characters a password field may hold at all; longer is refused before any work."""
PASSWORD_MAX_BYTES = 72
"""bcrypt reads no further: a longer password would be checked only in part."""
STRONG_ENOUGH = 3
"""zxcvbn's score out of 4: 3 is "safely unguessable" by an attacker with the hash."""


def hash_new_password(password: str, user_inputs: Iterable[str] = ()) -> str:
    """The bcrypt hash of a password that passes the rule; ValidationError otherwise."""
    check_new_password(password, user_inputs)
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt()).decode()


def check_new_password(password: str, user_inputs: Iterable[str] = ()) -> None:
    """Refuse, with words a person can act on, a password that is too short, too long,
    broken, or easy to guess for someone who knows the username and name."""
    if not isinstance(password, str) or len(password) > PASSWORD_FIELD_MAX:
        raise ValidationError(
            _(
                "The password is longer than {PASSWORD_FIELD_MAX} characters. Choose a shorter "
                "one: four or five unusual words are plenty."
            ).format(PASSWORD_FIELD_MAX=PASSWORD_FIELD_MAX)
        )
    try:
        raw = password.encode()
    except UnicodeEncodeError:
        raise ValidationError(
            _(
                "The password contains a broken character (half of an emoji or symbol, often "
                "from copy and paste). Type it again."
            )
        ) from None
    if len(password) < PASSWORD_MIN:
        raise ValidationError(
            _("The password has {count} characters; it needs at least {least}.").format(
                count=len(password), least=PASSWORD_MIN
            )
        )
    if len(raw) > PASSWORD_MAX_BYTES:
        raise ValidationError(
            _(
                "The password is longer than {PASSWORD_MAX_BYTES} bytes, the most bcrypt can "
                "check (accented letters and emoji count as 2 to 4). Choose a shorter one."
            ).format(PASSWORD_MAX_BYTES=PASSWORD_MAX_BYTES)
        )
    words = _user_words(user_inputs)
    if password.strip().lower() in words:
        raise ValidationError(
            _("The password is the username or the name: anyone could guess it. Choose another.")
        )
    verdict = zxcvbn(password, user_inputs=sorted(words))
    if verdict["score"] < STRONG_ENOUGH:
        feedback = verdict["feedback"]
        advice = " ".join(filter(None, [feedback.get("warning"), *feedback["suggestions"]]))
        # zxcvbn gives its advice in English only: other readers get the general advice.
        advice = advice if current() == ENGLISH else ""
        raise ValidationError(
            _("That password is too easy to guess.")
            + " "
            + (advice or _("Add another word or two; uncommon words are better."))
            + " "
            + _("A few unrelated words make a strong one.")
        )


def _user_words(user_inputs: Iterable[str]) -> set[str]:
    """The username and name, whole and word by word, as zxcvbn should know them."""
    words: set[str] = set()
    for text in user_inputs:
        if not text:
            continue
        lowered = text.strip().lower()
        parts = lowered.replace(".", " ").replace("-", " ").replace("_", " ").split()
        # Whole, run together ("marialopez", as in MariaLopez2024) and word by word.
        words.update([lowered, "".join(parts), *parts])
    words.discard("")
    return words
