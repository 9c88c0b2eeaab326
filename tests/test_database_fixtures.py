"""The database fixtures' promise (tests/conftest.py): `db` is a new, empty database for
every test, on each backend, also beside a database its module's tests share."""

import pytest
from sqlalchemy import func, select

from db.models import Initiative

pytestmark = pytest.mark.both_databases


def test_a_test_writes_into_its_own_database(db, module_db):
    with db.write() as s:
        s.add(Initiative(name="Left for the next test?"))
    with module_db.write() as s:
        s.add(Initiative(name="Shared by the module"))


def test_the_next_test_finds_its_database_empty_and_the_shared_one_kept(db, module_db):
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Initiative)) == 0
    with module_db.read() as s:
        assert list(s.scalars(select(Initiative.name))) == ["Shared by the module"]
